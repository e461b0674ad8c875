UNWIND $keys AS key
MATCH (a:Incident {id: key})-[:AFFECTED]->(n:Company)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
