// addEstimate: the estimate on its incident, SOURCED_FROM its sources as the seeds draw them, and
// its Change linked to the estimate, the incident and the sources; in the caller's transaction,
// after the existence check (curation/missing.cypher) and before the best values
// (curation/bestValues.cypher).
MATCH (i:Incident {id: $incident})
CREATE (e:Estimate:Entity {id: $id})
SET e.metric = $metric, e.value = $value, e.qualifier = $qualifier, e.unit = $unit, e.asOf = $asOf,
    e.reportedOn = $reportedOn, e.note = $note, e.isBest = false
CREATE (i)-[:HAS_ESTIMATE]->(e)
CREATE (c:Change {id: $change.id})
SET c += $change
CREATE (c)-[:CHANGED]->(e)
CREATE (c)-[:CHANGED]->(i)
WITH e, c
CALL (e, c) {
  UNWIND $sources AS ref
  MATCH (s:Source {id: ref.id})
  MERGE (e)-[r:SOURCED_FROM {claim: 'general'}]->(s)
  SET r.attribution = ref.attribution, r.about = coalesce(ref.about, [])
  MERGE (c)-[:CITED]->(s)
  RETURN count(*) AS linked
}
RETURN e {.*, _labels: labels(e)} AS estimate, c.id AS change, linked,
       COLLECT { MATCH (c)-[:CITED]->(s:Source) WITH s ORDER BY s.id RETURN s {.*, _labels: labels(s)} } AS sources
