// For each of $ids, the id of the entity it answers with (itself, or the node it was merged into), or
// null: only on the error path of nodes(ids:), when fewer nodes came back than ids were given.
UNWIND range(0, size($ids) - 1) AS i
CALL (i) {
  OPTIONAL MATCH (:Redirect {id: $ids[i]})-[:MERGED_INTO*1..8]->(merged:Entity)
  OPTIONAL MATCH (n:Entity {id: coalesce(merged.id, $ids[i])})
  RETURN n.id AS resolved LIMIT 1
}
RETURN i, resolved
ORDER BY i
