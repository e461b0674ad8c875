// The two live nodes mergeEntities joins (src/modules/curation/resolvers.ts): each with its
// properties and labels, null when the id names no live node.
RETURN COLLECT { MATCH (n:Entity {id: $keep}) RETURN n {.*, _labels: labels(n)} }[0] AS keep,
       COLLECT { MATCH (n:Entity {id: $merge}) RETURN n {.*, _labels: labels(n)} }[0] AS merge
