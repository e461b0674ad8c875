MATCH (this)-[:AFFECTED]->(n:Company)
RETURN n
ORDER BY n.id
