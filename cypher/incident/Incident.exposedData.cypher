MATCH (this)-[:HAS_EXPOSURE]->(n:DataExposure)-[:OF_CATEGORY]->(c:DataCategory)
WHERE n.exposed
RETURN n
ORDER BY c.name, n.id
