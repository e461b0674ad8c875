MATCH (this)<-[:ABOUT]-(n:Statement)
RETURN n
ORDER BY n.date, n.id
