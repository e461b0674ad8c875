UNWIND $keys AS key
MATCH (a:Person {id: key})-[:NATIONAL_OF]->(n:Country)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
