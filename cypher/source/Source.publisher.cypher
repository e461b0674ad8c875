MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
RETURN n
ORDER BY n.id
