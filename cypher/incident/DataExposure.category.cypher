MATCH (this)-[:OF_CATEGORY]->(n:DataCategory)
RETURN n
ORDER BY n.id
