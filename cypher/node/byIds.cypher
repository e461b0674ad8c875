// Any entity by id; :Entity.id is unique across every type.
UNWIND $keys AS key
MATCH (n:Entity {id: key})
RETURN key, n {.*, _labels: labels(n)} AS node
