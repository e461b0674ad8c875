UNWIND $keys AS key
MATCH (a:Investigation {id: key})-[:RESULTED_IN]->(n:Fine)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
