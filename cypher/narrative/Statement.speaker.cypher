MATCH (this)<-[:MADE]-(n:Person)
RETURN n
ORDER BY n.id
