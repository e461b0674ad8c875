// Candidates for an unknown Person id, only on the error path (src/read/suggest.ts): the id's case and
// slug variants, and ids sharing its first characters, through the id index; never a scan of all.
CALL () {
  MATCH (n:Person) WHERE n.id IN $variants
  RETURN n
  UNION
  MATCH (n:Person) WHERE n.id STARTS WITH $lowerPrefix
  RETURN n LIMIT 500
  UNION
  MATCH (n:Person) WHERE n.id STARTS WITH $upperPrefix
  RETURN n LIMIT 500
}
RETURN n.id AS id, [x IN [n.name] + coalesce(n.aliases, []) WHERE x IS NOT NULL] AS names
