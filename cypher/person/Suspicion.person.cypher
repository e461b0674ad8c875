MATCH (this)<-[:SUBJECT_OF]-(n:Person)
RETURN n
ORDER BY n.id
