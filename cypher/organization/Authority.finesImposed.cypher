MATCH (this)-[:IMPOSED]->(f:Fine)
RETURN f
ORDER BY f.id
