UNWIND $keys AS key
MATCH (a:Statement {id: key})-[:ON_BEHALF_OF]->(n)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
