// The records of the nodes a write returns to its payload, as committed with their derived values
// (src/write/mutate.ts), in the order asked; null for one not live.
RETURN [id IN $ids | COLLECT { MATCH (n:Entity {id: id}) RETURN n {.*, _labels: labels(n)} }[0]] AS nodes
