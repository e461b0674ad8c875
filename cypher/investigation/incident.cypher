UNWIND $keys AS key
MATCH (a:Investigation {id: key})-[:INTO]->(n:Incident)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
