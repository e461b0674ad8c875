MATCH (this)<-[:CONCERNS]-(n:Event)
RETURN n
ORDER BY n.date, n.id
