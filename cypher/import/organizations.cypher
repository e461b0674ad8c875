// New authorities and companies, each with the spellings the catalogue uses as aliases, sourced
// to the catalogue. Only nodes this catalogue created are updated on a later run; matched
// (curated) entities are never sent here.
UNWIND $rows AS r
MATCH (src:Source {id: $source})
MERGE (n:Entity {id: r.id})
ON CREATE SET n.catalogue = $catalogue, n.name = r.name, n.aliases = r.aliases, n.kind = r.kind, n.description = r.description
WITH n, r, src WHERE n.catalogue = $catalogue
SET n.aliases = reduce(a = coalesce(n.aliases, []), x IN r.aliases | CASE WHEN x IN a THEN a ELSE a + x END)
WITH n, r, src
CALL (n, r) { WITH n, r WHERE r.label = 'Authority' SET n:Authority }
CALL (n, r) { WITH n, r WHERE r.label = 'Company' SET n:Company }
CALL (n, r) {
  MATCH (c:Country {id: r.country})
  MERGE (n)-[:IN_COUNTRY]->(c)
}
MERGE (n)-[s:SOURCED_FROM {claim: 'general'}]->(src)
SET s.about = r.about, s.attribution = null, s.attributedTo = null
