// A STIX import's relationships between nodes by id, of the plan's fixed types (src/stix/plan.ts).
// SOURCED_FROM is keyed by its claim, as the seeds key it. A link to a node the graph does not
// have (an incident a related-to names, outside the bundle and the graph) is not made; its count
// comes back.
UNWIND $rows AS row
OPTIONAL MATCH (a:Entity {id: row.from})
OPTIONAL MATCH (b:Entity {id: row.to})
WITH row, a, b
CALL (row, a, b) {
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL AND row.type = 'SOURCED_FROM'
  MERGE (a)-[r:SOURCED_FROM {claim: row.props.claim}]->(b)
  SET r += row.props
  RETURN 1 AS made
  UNION
  WITH row, a, b WHERE a IS NOT NULL AND b IS NOT NULL AND row.type <> 'SOURCED_FROM'
  MERGE (a)-[r:$(row.type)]->(b)
  SET r += row.props
  RETURN 1 AS made
  UNION
  WITH row, a, b WHERE a IS NULL OR b IS NULL
  RETURN 0 AS made
}
RETURN count(*) - sum(made) AS missing
