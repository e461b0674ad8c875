// The entity a neighbourhood is drawn around.
MATCH (n:Entity {id: $id})
// Read as known on a day ($asOf): the entity only if it was known by then.
WHERE ($asOf IS NULL OR n.knownOn <= $asOf OR n:Country OR n:DataCategory)
RETURN n {.*, _labels: labels(n)} AS node
