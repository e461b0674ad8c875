UNWIND $keys AS key
MATCH (a:Suspicion {id: key})-[:IN_INCIDENT]->(n:Incident)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
