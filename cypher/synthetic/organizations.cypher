// Synthetic companies, authorities and publishers, in the curated countries.
UNWIND $rows AS r
MATCH (k:Country {id: r.country})
CREATE (n:Entity:Synthetic {id: r.id, name: r.name, aliases: r.aliases, kind: r.kind, sector: r.sector})
CREATE (n)-[:IN_COUNTRY]->(k)
WITH n, r
CALL (n, r) { WITH n, r WHERE r.label = 'Company' SET n:Company }
CALL (n, r) { WITH n, r WHERE r.label = 'Authority' SET n:Authority }
CALL (n, r) { WITH n, r WHERE r.label = 'Publisher' SET n:Publisher }
