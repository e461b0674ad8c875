// Everything one catalogue brought in: the nodes it created (reports added to curated fines
// included) go, with their relationships; curated nodes stay. Countries it created go only when
// nothing else uses them any more.
CALL () {
  MATCH (n:Entity {catalogue: $catalogue}) WHERE NOT n:Country
  DETACH DELETE n
  RETURN count(*) AS entities
}
CALL () {
  MATCH (c:Country {catalogue: $catalogue}) WHERE NOT EXISTS { (c)--() }
  DELETE c
  RETURN count(*) AS countries
}
RETURN entities + countries AS removed
