MATCH (this)-[:ABOUT]->(n:Incident)
RETURN n
ORDER BY n.id
