UNWIND $keys AS key
MATCH (a:Source {id: key})<-[:SOURCED_FROM]-(n:Entity)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
