UNWIND $keys AS key
MATCH (a:Person {id: key})-[:MADE]->(n:Statement)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.date, n.id
