UNWIND $keys AS key
MATCH (a:Incident {id: key})-[:HAS_ESTIMATE]->(n:Estimate)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.asOf, n.id
