UNWIND $keys AS key
MATCH (a:Person {id: key})-[:FORMERLY_EMPLOYED_BY]->(n:Company)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
