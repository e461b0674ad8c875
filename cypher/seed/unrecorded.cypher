// The entities no change has touched yet (no incoming CHANGED), read in a seed file's transaction
// before its statements run (src/seed/history.ts): those unrecorded after them that were not
// before are the ones the file created. Nodes written outside any change (a database seeded
// before changes were recorded, test fixtures) are thus never claimed by a later file. :Synthetic
// nodes (the benchmark generator's, which records no change) are never a seed's.
MATCH (n:Entity)
WHERE NOT n:Synthetic AND NOT EXISTS { (n)<-[:CHANGED]-(:Change) }
RETURN collect(elementId(n)) AS ids
