// Candidates for an unknown Publisher id, only on the error path: few enough to compare every one (src/read/suggest.ts).
MATCH (n:Publisher)
RETURN n.id AS id, [x IN [n.name] + coalesce(n.aliases, []) WHERE x IS NOT NULL] AS names
