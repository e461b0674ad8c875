// The estimate seeds/99-derived-values.cypher chose as the best count: the current one, or, read
// as known on a day ($asOf), the choice among the estimates known by then (the last of
// accountsAffectedChanges on or before it). The plain form reads the current one only.
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WHERE n.id = CASE WHEN $asOf IS NULL THEN this.accountsAffectedEstimate
  ELSE [k IN range(size(coalesce(this.accountsAffectedChanges, [])) - 1, 0, -1) WHERE this.accountsAffectedChanges[k] <= $asOf | this.accountsAffectedChangeIds[k]][0] END
RETURN n
