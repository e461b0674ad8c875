// The first day on which anything in the graph counts as known (knownOn, seeds/99-derived-values.cypher),
// from its index: an asOf before it is refused, the graph held nothing then (src/read/asOf.ts).
MATCH (n:Entity) WHERE n.knownOn IS NOT NULL
RETURN n.knownOn AS day
ORDER BY day
LIMIT 1
