MATCH (this)<-[:AGAINST]-(f:Fine)
RETURN f
ORDER BY f.id
