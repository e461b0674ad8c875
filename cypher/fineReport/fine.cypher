UNWIND $keys AS key
MATCH (a:FineReport {id: key})<-[:REPORTED_AS]-(n:Fine)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
