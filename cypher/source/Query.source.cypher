// An id merged into another (mergeEntities) answers with the node it was merged into.
OPTIONAL MATCH (:Redirect {id: $id})-[:MERGED_INTO*1..8]->(merged:Entity)
MATCH (n:Source {id: coalesce(merged.id, $id)})
RETURN n
