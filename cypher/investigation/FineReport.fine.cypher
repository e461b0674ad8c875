MATCH (this)<-[:REPORTED_AS]-(n:Fine)
RETURN n
ORDER BY n.id
