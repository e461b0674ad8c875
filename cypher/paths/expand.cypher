// One level of a neighbourhood: the relationships of the frontier and the nodes they reach.
UNWIND $frontier AS id
MATCH (x:Entity {id: id})-[r]-(y:Entity)
WHERE ($types IS NULL OR type(r) IN $types)
  // Read as known on a day ($asOf): only links and entities known by then.
  AND ($asOf IS NULL OR ((r.source IS NULL OR r.knownOn <= $asOf) AND (y.knownOn <= $asOf OR y:Country OR y:DataCategory)))
RETURN {type: type(r), from: startNode(r).id, to: endNode(r).id} AS relationship, y {.*, _labels: labels(y)} AS node
LIMIT $limit
