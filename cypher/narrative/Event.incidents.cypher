MATCH (this)-[:CONCERNS]->(n:Incident)
RETURN n
ORDER BY n.id
