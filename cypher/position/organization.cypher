UNWIND $keys AS key
MATCH (a:Position {id: key})-[:AT]->(n)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
