CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $scan}) YIELD node
WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
RETURN count(node) AS total
