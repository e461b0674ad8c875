// Candidates for an unknown Country id, only on the error path: few enough to compare every one (src/read/suggest.ts).
MATCH (n:Country)
RETURN n.id AS id, [x IN [n.name] + coalesce(n.aliases, []) WHERE x IS NOT NULL] AS names
