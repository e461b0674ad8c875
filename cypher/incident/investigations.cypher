UNWIND $keys AS key
MATCH (a:Incident {id: key})<-[:INTO]-(n:Investigation)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.openedOn, n.id
