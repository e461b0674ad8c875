MATCH (n:Source {id: $id})
RETURN n
