// Shortest paths first. Bounds in a path pattern must be literals: the search is capped at 6
// hops and 25 paths, and $maxHops / $first narrow it. The driver's timeout bounds the search.
// Only entities are walked: a change (history) joins every node it touched, and says nothing of how they relate.
// Read as known on a day ($asOf): only entities and links known by then are walked (a link that
// carries its own source, FOLLOWS_SIMILAR, from that source's publication: knownOn; never when
// that source is undated).
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
WHERE ($asOf IS NULL OR a.knownOn <= $asOf OR a:Country OR a:DataCategory) AND ($asOf IS NULL OR b.knownOn <= $asOf OR b:Country OR b:DataCategory)
MATCH p = SHORTEST 25 (a)((:Entity)-[r]-(y:Entity) WHERE ($types IS NULL OR type(r) IN $types) AND NOT type(r) IN $exclude
  AND ($asOf IS NULL OR ((r.source IS NULL OR r.knownOn <= $asOf) AND (y.knownOn <= $asOf OR y:Country OR y:DataCategory)))){1,6}(b)
WITH p WHERE length(p) <= $maxHops
RETURN nodes(p) AS nodes, [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS relationships
ORDER BY length(p)
LIMIT $first
