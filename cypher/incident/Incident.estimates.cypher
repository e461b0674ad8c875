MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
RETURN n
ORDER BY n.asOf, n.id
