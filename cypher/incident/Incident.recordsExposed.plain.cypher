// The estimate seeds/99-derived-values.cypher chose as the current best count of records.
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WHERE n.id = this.recordsExposedEstimate
RETURN n
