// Any entity by id; :Entity.id is unique across every type.
MATCH (n:Entity {id: $id})
RETURN n
