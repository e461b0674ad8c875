MATCH (this)-[:IN_INCIDENT]->(n:Incident)
RETURN n
ORDER BY n.id
