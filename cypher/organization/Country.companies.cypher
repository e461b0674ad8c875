MATCH (this)<-[:IN_COUNTRY]-(n:Company)
RETURN n
ORDER BY n.id
