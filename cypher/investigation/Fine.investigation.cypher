MATCH (this)<-[:RESULTED_IN]-(n:Investigation)
RETURN n
ORDER BY n.id
