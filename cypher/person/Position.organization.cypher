MATCH (this)-[:AT]->(n)
RETURN n
ORDER BY n.id
