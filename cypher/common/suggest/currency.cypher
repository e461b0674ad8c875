// The currencies fines are in, for an unknown one (src/read/suggest.ts).
MATCH (f:Fine) WHERE f.currency IS NOT NULL
RETURN DISTINCT f.currency AS id, [] AS names
ORDER BY id
