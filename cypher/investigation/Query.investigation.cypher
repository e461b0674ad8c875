MATCH (n:Investigation {id: $id})
RETURN n
