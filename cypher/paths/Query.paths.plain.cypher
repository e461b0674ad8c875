// Shortest paths first. Bounds in a path pattern must be literals: the search is capped at 6
// hops and 25 paths, and $maxHops / $first narrow it. The driver's timeout bounds the search.
// Only entities are walked: a change (history) joins every node it touched, and says nothing of how they relate.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 25 (a)((:Entity)-[r]-(:Entity) WHERE ($types IS NULL OR type(r) IN $types) AND NOT type(r) IN $exclude){1,6}(b)
WITH p WHERE length(p) <= $maxHops
RETURN nodes(p) AS nodes, [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS relationships
ORDER BY length(p)
LIMIT $first
