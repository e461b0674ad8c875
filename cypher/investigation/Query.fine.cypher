MATCH (n:Fine {id: $id})
RETURN n
