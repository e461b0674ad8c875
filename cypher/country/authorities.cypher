UNWIND $keys AS key
MATCH (:Country {id: key})<-[:IN_COUNTRY]-(n:Authority)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
