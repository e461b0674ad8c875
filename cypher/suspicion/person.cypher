UNWIND $keys AS key
MATCH (a:Suspicion {id: key})<-[:SUBJECT_OF]-(n:Person)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
