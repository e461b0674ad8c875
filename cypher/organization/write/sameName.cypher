// The companies ($label 'Company') or authorities ($label 'Authority') a new one would stand beside:
// those in its country ($country), or without a country when it has none, each with its names,
// for createCompany and createAuthority to refuse a name that already names one
// (src/modules/organization/mutations.ts compares them as the importer compares names).
// The country is locked first (a SET of its id takes the write lock and changes nothing), so two
// curators creating one name in one country at once queue here, and the second reads the first.
CALL () {
  OPTIONAL MATCH (k:Country:Entity {id: $country})
  WITH k WHERE k IS NOT NULL
  SET k.id = k.id
}
CALL () {
  MATCH (:Country:Entity {id: $country})<-[:IN_COUNTRY]-(n:Entity)
  WHERE $label IN labels(n)
  RETURN n
  UNION
  MATCH (n:Company:Entity)
  WHERE $country IS NULL AND $label = 'Company' AND NOT EXISTS { (n)-[:IN_COUNTRY]->(:Country) }
  RETURN n
  UNION
  MATCH (n:Authority:Entity)
  WHERE $country IS NULL AND $label = 'Authority' AND NOT EXISTS { (n)-[:IN_COUNTRY]->(:Country) }
  RETURN n
}
RETURN n.id AS id, [x IN [n.name] + coalesce(n.aliases, []) WHERE x IS NOT NULL] AS names
ORDER BY n.id
