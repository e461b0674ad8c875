// The entity a neighbourhood is drawn around.
MATCH (n:Entity {id: $id})
RETURN n {.*, _labels: labels(n)} AS node
