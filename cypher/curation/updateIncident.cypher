// updateIncident, after curation/lockIncident found the expected version: the properties given,
// the next version, the sort key of the title (as seeds/99-derived-values.cypher keeps it), the
// sources as the seeds link them, and the Change, in the caller's transaction.
MATCH (i:Incident {id: $id})
SET i += $set, i.version = i.version + 1, i.sortTitle = toLower(i.title)
CREATE (c:Change {id: $change.id})
SET c += $change
CREATE (c)-[:CHANGED]->(i)
WITH i, c
CALL (i, c) {
  UNWIND $sources AS ref
  MATCH (s:Source {id: ref.id})
  MERGE (i)-[r:SOURCED_FROM {claim: 'general'}]->(s)
  SET r.attribution = coalesce(ref.attribution, r.attribution), r.about = coalesce(ref.about, r.about, [])
  MERGE (c)-[:CITED]->(s)
  RETURN count(*) AS linked
}
RETURN i {.*, _labels: labels(i)} AS incident, linked,
       COLLECT { MATCH (c)-[:CITED]->(s:Source) WITH s ORDER BY s.id RETURN s {.*, _labels: labels(s)} } AS sources
