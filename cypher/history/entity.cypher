// Query.history: the changes that touched an entity (CHANGED: the nodes a change created or set,
// and the entities those facts hang on), newest first, from after the cursor ($afterAt, $afterId),
// one more than the page to tell whether another follows.
// The entity in any state: live, retracted (still in the history) or merged into another.
CALL () {
  MATCH (n:Entity {id: $id}) RETURN n
  UNION MATCH (n:Retracted {id: $id}) RETURN n
  UNION MATCH (n:Redirect {id: $id}) RETURN n
}
MATCH (n)<-[:CHANGED]-(c:Change)
WHERE $afterAt IS NULL OR c.at < $afterAt OR (c.at = $afterAt AND c.id < $afterId)
WITH c
ORDER BY c.at DESC, c.id DESC
LIMIT $limit
RETURN c {.id, .at, .operation, .actorSubject, .actorRole, .requestId, .properties, .links, .created, .reason, .revertOf,
  entities: COLLECT { MATCH (c)-[:CHANGED]->(n) WITH n.id AS id ORDER BY id RETURN id },
  sources: COLLECT { MATCH (c)-[:CITED]->(s:Source) WITH s ORDER BY s.id RETURN s {.*, _labels: labels(s)} }} AS change
