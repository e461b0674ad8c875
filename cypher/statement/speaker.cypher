UNWIND $keys AS key
MATCH (a:Statement {id: key})<-[:MADE]-(n:Person)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
