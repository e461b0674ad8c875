MATCH (this)-[:NATIONAL_OF]->(n:Country)
RETURN n
ORDER BY n.id
