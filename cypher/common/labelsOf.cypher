// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels
