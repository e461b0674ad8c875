MATCH (this)<-[:IN_COUNTRY]-(n:Incident)
RETURN n
ORDER BY n.id
