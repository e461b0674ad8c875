MATCH (n:Authority {id: $id})
RETURN n
