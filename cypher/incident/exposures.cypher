UNWIND $keys AS key
MATCH (a:Incident {id: key})-[:HAS_EXPOSURE]->(n:DataExposure)-[:OF_CATEGORY]->(c:DataCategory)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, c.name, n.id
