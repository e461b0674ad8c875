MATCH (this)-[:ON_BEHALF_OF]->(n)
RETURN n
ORDER BY n.id
