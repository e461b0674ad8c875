// Query.changes: every change at or after $since, oldest first, from after the cursor ($afterAt,
// $afterId), through the index on Change.at; one more than the page to tell whether another follows.
MATCH (c:Change)
WHERE c.at >= $since AND ($afterAt IS NULL OR c.at > $afterAt OR (c.at = $afterAt AND c.id > $afterId))
WITH c
ORDER BY c.at, c.id
LIMIT $limit
RETURN c {.id, .at, .operation, .actorSubject, .actorRole, .requestId, .properties, .links, .created, .reason, .revertOf,
  entities: COLLECT { MATCH (c)-[:CHANGED]->(n) WITH n.id AS id ORDER BY id RETURN id },
  sources: COLLECT { MATCH (c)-[:CITED]->(s:Source) WITH s ORDER BY s.id RETURN s {.*, _labels: labels(s)} }} AS change
