UNWIND $keys AS key
MATCH (a:Source {id: key})-[:PUBLISHED_BY]->(n:Publisher)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
