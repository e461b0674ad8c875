MATCH (this)<-[:IMPOSED]-(n:Authority)
RETURN n
ORDER BY n.id
