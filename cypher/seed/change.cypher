// A seed file's Change (operation SEED, actor seed:<file>), in the file's transaction after its
// statements: CHANGED to every entity it created (unrecorded now, not in $before: see
// unrecorded.cypher), CITED to the sources among them and those they are sourced from.
MATCH (n:Entity)
WHERE NOT n:Synthetic AND NOT EXISTS { (n)<-[:CHANGED]-(:Change) } AND NOT elementId(n) IN $before
WITH collect(n) AS nodes
CREATE (c:Change {id: $change.id})
SET c += $change, c.created = [n IN nodes | n.id]
WITH c, nodes
CALL (c, nodes) {
  UNWIND nodes AS n
  CREATE (c)-[:CHANGED]->(n)
}
CALL (c, nodes) {
  UNWIND nodes AS n
  CALL (n) {
    WITH n WHERE n:Source
    RETURN n AS s
    UNION
    MATCH (n)-[:SOURCED_FROM]->(s:Source)
    RETURN s
  }
  WITH DISTINCT c, s
  CREATE (c)-[:CITED]->(s)
  RETURN count(*) AS cited
}
RETURN c.id AS change, size(nodes) AS entities, cited AS sources
