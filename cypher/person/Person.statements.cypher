MATCH (this)-[:MADE]->(n:Statement)
RETURN n
ORDER BY n.date, n.id
