// Spellings of a matched entity (curated, or of an earlier run) that it did not have: each joins
// its aliases with a link of its own to the catalogue, a sourced alias: claim 'alias', about
// ['aliases'], the alias itself and the first row that spells it (also in the attribution, which
// readers see). --remove takes back the alias with its link.
UNWIND $rows AS r
MATCH (n:Entity {id: r.entity}), (src:Source {id: $source})
SET n.aliases = CASE WHEN r.alias IN coalesce(n.aliases, []) THEN n.aliases ELSE coalesce(n.aliases, []) + r.alias END
MERGE (n)-[s:SOURCED_FROM {claim: 'alias', alias: r.alias}]->(src)
SET s.about = ['aliases'], s.attribution = r.attribution, s.attributedTo = $publisher, s.catalogue = $catalogue, s.row = r.row
