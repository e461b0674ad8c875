UNWIND $keys AS key
MATCH (a:Fine {id: key})-[:REPORTED_AS]->(n:FineReport)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.date, n.id
