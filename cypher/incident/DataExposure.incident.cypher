MATCH (this)<-[:HAS_EXPOSURE]-(n:Incident)
RETURN n
ORDER BY n.id
