UNWIND $keys AS key
MATCH (a:Incident {id: key})<-[:IN_INCIDENT]-(n:Suspicion)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
