// The Sources behind the rows' URLs, created once per URL.
UNWIND $rows AS r
MERGE (s:Source:Entity {id: r.id})
ON CREATE SET s.url = r.url, s.kind = 'OTHER', s.catalogue = $catalogue
