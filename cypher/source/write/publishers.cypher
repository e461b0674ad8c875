// Every publisher with its names, for addSource to resolve a publisher given by id or by name
// (src/modules/source/mutations.ts compares the names as the importer does). Publishers are few.
MATCH (p:Publisher)
RETURN p.id AS id, [x IN [p.name] + coalesce(p.aliases, []) WHERE x IS NOT NULL] AS names
