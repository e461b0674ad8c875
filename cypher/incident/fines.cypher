UNWIND $keys AS key
MATCH (a:Incident {id: key})<-[:FOR_INCIDENT]-(n:Fine)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
