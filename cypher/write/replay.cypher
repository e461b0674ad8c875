// What a write sent again with the same Idempotency-Key returns (src/write/mutate.ts): the first
// write's change, as the history lists it, and the nodes its payload returned, as they are now.
MATCH (c:Change {id: $change})
RETURN c {.id, .at, .operation, .actorSubject, .actorRole, .requestId, .properties, .links, .created, .reason, .revertOf,
  entities: COLLECT { MATCH (c)-[:CHANGED]->(n) WITH n.id AS id ORDER BY id RETURN id },
  sources: COLLECT { MATCH (c)-[:CITED]->(s:Source) WITH s ORDER BY s.id RETURN s {.*, _labels: labels(s)} }} AS change,
  [id IN $ids | COLLECT { MATCH (n:Entity {id: id}) RETURN n {.*, _labels: labels(n)} }[0]] AS nodes
