MATCH (this)-[:HOLDS]->(n:Position)
RETURN n
ORDER BY n.since, n.id
