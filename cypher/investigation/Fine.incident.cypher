MATCH (this)-[:FOR_INCIDENT]->(n:Incident)
RETURN n
ORDER BY n.id
