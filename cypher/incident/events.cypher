UNWIND $keys AS key
MATCH (a:Incident {id: key})<-[:CONCERNS]-(n:Event)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.date, n.id
