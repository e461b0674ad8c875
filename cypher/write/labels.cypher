// The labels of the live nodes a curated write names ($ids), read in its transaction before it is
// applied (src/write/refs.ts required()): an id that names nothing is left
// out, so the write reports it as unknown; one of another label is refused naming what it is.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels
