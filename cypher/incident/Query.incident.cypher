MATCH (n:Incident {id: $id})
RETURN n
