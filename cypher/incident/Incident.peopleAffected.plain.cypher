// The estimate seeds/99-derived-values.cypher chose as the current best count of people affected.
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WHERE n.id = this.peopleAffectedEstimate
RETURN n
