MATCH (this)<-[:SOURCED_FROM]-(n:Entity)
RETURN n
ORDER BY n.id
