MATCH (this)<-[:IN_COUNTRY]-(n:Authority)
RETURN n
ORDER BY n.id
