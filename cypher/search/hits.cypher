// One page of full-text hits, best first; ties broken by id so pages are stable.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $scan}) YIELD node, score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node, score
ORDER BY score DESC, node.id
SKIP $skip
LIMIT $limit
