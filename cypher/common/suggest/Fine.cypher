// Candidates for an unknown Fine id, only on the error path (src/read/suggest.ts): the id's case and
// slug variants, and ids sharing its first characters, through the id index; never a scan of all.
CALL () {
  MATCH (n:Fine) WHERE n.id IN $variants
  RETURN n
  UNION
  MATCH (n:Fine) WHERE n.id STARTS WITH $lowerPrefix
  RETURN n LIMIT 500
  UNION
  MATCH (n:Fine) WHERE n.id STARTS WITH $upperPrefix
  RETURN n LIMIT 500
}
RETURN n.id AS id, [] AS names
