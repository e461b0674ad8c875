UNWIND $keys AS key
MATCH (a:Person {id: key})-[:HOLDS]->(n:Position)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.since, n.id
