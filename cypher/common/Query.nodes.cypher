// Several entities by id, in the order given (src/read/lookup.ts puts each back at its index, and
// null where an id names nothing). An id merged into another answers with the node it was merged into.
UNWIND range(0, size($ids) - 1) AS i
CALL (i) {
  OPTIONAL MATCH (:Redirect {id: $ids[i]})-[:MERGED_INTO*1..8]->(merged:Entity)
  MATCH (n:Entity {id: coalesce(merged.id, $ids[i])})
  RETURN n
}
RETURN n
ORDER BY i
