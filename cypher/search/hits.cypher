// Hits, best first: matches of the words as written ($exact) score above 1, matches found only by
// prefix or typo tolerance ($forgiving) below 1, so they always rank after them; within each, by
// the index's relevance; ties by id so pages are stable.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_2', $exact, {limit: $scan}) YIELD node, score
  RETURN node, 1 + score AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_search_2', $forgiving, {limit: $scan}) YIELD node, score
  RETURN node, score / (1 + score) AS score
}
WITH node, max(score) AS score
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
WITH node, score
ORDER BY score DESC, node.id
SKIP $skip
LIMIT $limit
