MATCH (this)-[:HAS_ESTIMATE]->(e:Estimate)
RETURN e
ORDER BY e.asOf, e.id
