UNWIND $keys AS key
MATCH (a:Fine {id: key})<-[:RESULTED_IN]-(n:Investigation)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
