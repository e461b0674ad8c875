MATCH (this)<-[:HOLDS]-(n:Person)
RETURN n
ORDER BY n.id
