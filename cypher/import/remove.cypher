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
// Links the catalogue added to nodes it did not create (a row attached to a curated event, a
// sourced alias) go first, each alias with its link.
CALL () {
  MATCH (n:Entity)-[s:SOURCED_FROM {catalogue: $catalogue}]->(:Source)
  WHERE coalesce(n.catalogue, '') <> $catalogue
  FOREACH (_ IN CASE WHEN s.claim = 'alias' THEN [1] ELSE [] END | SET n.aliases = [a IN n.aliases WHERE a <> s.alias])
  DELETE s
  RETURN count(*) AS links
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
WITH entities + countries AS removed, links, touched
CALL (removed, links, touched) {
  WITH removed, links, touched WHERE removed + links > 0
  CREATE (c:Change {id: $change.id})
  SET c += $change, c.detail = c.detail + ': ' + toString(removed) + ' nodes removed'
      + CASE WHEN links > 0 THEN ', and ' + toString(links) + ' of its links from nodes it did not create' ELSE '' END
  WITH c, touched
  UNWIND touched AS m
  CREATE (c)-[:CHANGED]->(m)
}
RETURN removed
