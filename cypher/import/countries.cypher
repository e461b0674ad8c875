// Countries the catalogue names that the graph does not have yet (ISO 3166-1 codes as ids).
UNWIND $rows AS r
MERGE (c:Country:Entity {id: r.code})
ON CREATE SET c.name = r.name, c.catalogue = $catalogue
