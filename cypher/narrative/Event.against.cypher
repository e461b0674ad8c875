MATCH (this)-[:AGAINST]->(n:Company)
RETURN n
ORDER BY n.id
