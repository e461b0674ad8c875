// Ids already in use that a new id could collide with: each wanted id and its "-N" variants
// (a prefix seek on the id index, then the exact test).
UNWIND $ids AS wanted
MATCH (n:Entity)
WHERE n.id STARTS WITH wanted
WITH n, wanted WHERE n.id = wanted OR n.id STARTS WITH wanted + '-'
RETURN DISTINCT n.id AS id
