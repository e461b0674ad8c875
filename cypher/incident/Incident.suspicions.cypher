MATCH (this)<-[:IN_INCIDENT]-(n:Suspicion)
RETURN n
ORDER BY n.id
