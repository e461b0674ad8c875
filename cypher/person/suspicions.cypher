UNWIND $keys AS key
MATCH (a:Person {id: key})-[:SUBJECT_OF]->(n:Suspicion)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
