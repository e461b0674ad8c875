// Candidates for an unknown company or authority id, only on the error path (src/read/suggest.ts).
CALL () {
  MATCH (n:Company|Authority) WHERE n.id IN $variants
  RETURN n
  UNION
  MATCH (n:Company|Authority) WHERE n.id STARTS WITH $lowerPrefix
  RETURN n LIMIT 500
  UNION
  MATCH (n:Company|Authority) WHERE n.id STARTS WITH $upperPrefix
  RETURN n LIMIT 500
}
RETURN n.id AS id, [x IN [n.name] + coalesce(n.aliases, []) WHERE x IS NOT NULL] AS names
