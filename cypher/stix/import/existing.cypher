// The nodes of a STIX import's plan that exist already (src/stix/import.ts), with their labels and
// stored properties: an id under another label is refused; a node whose facts the bundle changes
// is recorded in the run's Change.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props
