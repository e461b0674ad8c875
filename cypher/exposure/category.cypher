UNWIND $keys AS key
MATCH (a:DataExposure {id: key})-[:OF_CATEGORY]->(n:DataCategory)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
