MATCH (this)<-[:ORGANIZED]-(n)
RETURN n
ORDER BY n.id
