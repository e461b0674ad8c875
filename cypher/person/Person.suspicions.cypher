MATCH (this)-[:SUBJECT_OF]->(n:Suspicion)
RETURN n
ORDER BY n.id
