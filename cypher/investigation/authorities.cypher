UNWIND $keys AS key
MATCH (a:Investigation {id: key})<-[:CONDUCTS]-(n:Authority)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.name
