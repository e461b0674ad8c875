// Everything one catalogue brought in: the nodes it created (reports added to curated fines
// included) go, with their relationships; curated nodes stay. Countries it created go only when
// nothing but the history uses them any more. A removal that removed something is recorded as a
// Change of the importer ($change, subject import:<catalogue>), CHANGED to the entities that stay
// and lost a relationship (a curated authority its imported fines); the import runs' Changes stay
// in the history, without their links to the nodes that are gone.
CALL () {
  MATCH (n:Entity {catalogue: $catalogue})--(m:Entity)
  WHERE m.catalogue IS NULL OR m.catalogue <> $catalogue
  RETURN collect(DISTINCT m) AS touched
}
CALL () {
  MATCH (n:Entity {catalogue: $catalogue}) WHERE NOT n:Country
  DETACH DELETE n
  RETURN count(*) AS entities
}
CALL () {
  MATCH (c:Country {catalogue: $catalogue}) WHERE NOT EXISTS { (c)--(x) WHERE NOT x:Change }
  DETACH DELETE c
  RETURN count(*) AS countries
}
WITH entities + countries AS removed, touched
CALL (removed, touched) {
  WITH removed, touched WHERE removed > 0
  CREATE (c:Change {id: $change.id})
  SET c += $change, c.detail = c.detail + ': ' + toString(removed) + ' nodes removed'
  WITH c, touched
  UNWIND touched AS m
  CREATE (c)-[:CHANGED]->(m)
}
RETURN removed
