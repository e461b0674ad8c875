UNWIND $keys AS key
MATCH (a:Fine {id: key})-[:FOR_INCIDENT]->(n:Incident)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
