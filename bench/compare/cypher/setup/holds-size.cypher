// Whether the graph already holds $size synthetic incidents with every fine's derived amount
// (the last thing a load writes): the generator is deterministic, so that graph is the one a
// new load would make (--reuse).
MATCH (i:Incident:Synthetic)
WITH count(i) AS n
RETURN n = $size AND NOT EXISTS { MATCH (f:Fine:Synthetic) WHERE f.amountKey IS NULL } AS holds
