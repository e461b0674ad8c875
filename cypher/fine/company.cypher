UNWIND $keys AS key
MATCH (a:Fine {id: key})-[:AGAINST]->(n:Company)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
