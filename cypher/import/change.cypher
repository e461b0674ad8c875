// One import run's Change (operation IMPORT, actor import:<catalogue>), in the import's
// transaction after its writes (src/import/history.ts): CHANGED to the entities it created or
// changed and to those its new facts hang on (a fine's authority and company), CITED to the
// catalogue and the rows' links.
CREATE (c:Change {id: $change.id})
SET c += $change
WITH c
CALL (c) {
  UNWIND $entities AS id
  MATCH (n:Entity {id: id})
  CREATE (c)-[:CHANGED]->(n)
}
CALL (c) {
  UNWIND $sources AS id
  MATCH (s:Source {id: id})
  CREATE (c)-[:CITED]->(s)
}
RETURN c.id AS change
