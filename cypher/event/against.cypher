UNWIND $keys AS key
MATCH (:Event {id: key})-[:AGAINST]->(n:Company)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
