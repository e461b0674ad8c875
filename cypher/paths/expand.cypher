// One level of a neighbourhood: the relationships of the frontier and the nodes they reach.
UNWIND $frontier AS id
MATCH (x:Entity {id: id})-[r]-(y:Entity)
WHERE $types IS NULL OR type(r) IN $types
RETURN {type: type(r), from: startNode(r).id, to: endNode(r).id} AS relationship, y {.*, _labels: labels(y)} AS node
LIMIT $limit
