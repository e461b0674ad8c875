UNWIND $keys AS key
MATCH (a:Suspicion {id: key})<-[:IDENTIFIED]-(n)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
