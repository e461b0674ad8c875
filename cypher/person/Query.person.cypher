MATCH (n:Person {id: $id})
RETURN n
