// A STIX import's links to reference nodes (countries, data categories): matched, never created.
// How many name a reference the graph does not have comes back.
UNWIND $rows AS row
MATCH (n:Entity {id: row.from})
OPTIONAL MATCH (k:Country {id: row.to}) WHERE row.type = 'IN_COUNTRY'
OPTIONAL MATCH (d:DataCategory {id: row.to}) WHERE row.type = 'OF_CATEGORY'
WITH row, n, coalesce(k, d) AS ref
CALL (row, n, ref) {
  WITH row, n, ref WHERE ref IS NOT NULL
  MERGE (n)-[:$(row.type)]->(ref)
  RETURN 1 AS made
  UNION
  WITH ref WHERE ref IS NULL
  RETURN 0 AS made
}
RETURN count(*) - sum(made) AS missing
