MATCH (this)<-[:FOR_INCIDENT]-(n:Fine)
RETURN n
ORDER BY n.id
