// Every distinct hit of either query (see hits.cypher), at most $scan of each, known by $asOf when given.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_3', $exact, {limit: $scan}) YIELD node
  RETURN node
  UNION
  CALL db.index.fulltext.queryNodes('entity_search_3', $forgiving, {limit: $scan}) YIELD node
  RETURN node
}
WITH node
WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
  AND ($asOf IS NULL OR node.knownOn <= $asOf OR node:Country OR node:DataCategory)
RETURN count(node) AS total
