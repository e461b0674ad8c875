MATCH (this)-[:REPORTED_AS]->(n:FineReport)
RETURN n
ORDER BY n.date, n.id
