MATCH (this)<-[:CONDUCTS]-(n:Authority)
RETURN n
ORDER BY n.name
