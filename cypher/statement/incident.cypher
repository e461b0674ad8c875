UNWIND $keys AS key
MATCH (a:Statement {id: key})-[:ABOUT]->(n:Incident)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
