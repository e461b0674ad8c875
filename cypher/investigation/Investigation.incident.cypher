MATCH (this)-[:INTO]->(n:Incident)
RETURN n
ORDER BY n.id
