// What retract (src/modules/curation/resolvers.ts) needs to know of a live node: its labels; the
// facts that hang on it alone and go with it (an incident's estimates and exposures, a fine's
// reports, a person's positions); the live facts that rest on it and make it refused (a source
// they cite, an incident with statements or fines, an authority with fines...: for each
// relationship type, the end that needs the other); and who created it, when a change did.
MATCH (n:Entity {id: $id})
OPTIONAL CALL (n) {
  MATCH (c:Change)-[:CHANGED]->(n) WHERE n.id IN c.created
  RETURN c.actorSubject AS creator, c.actorRole AS creatorRole
  LIMIT 1
}
RETURN labels(n) AS labels, creator, creatorRole,
  COLLECT { MATCH (n)-[:HAS_ESTIMATE|HAS_EXPOSURE|REPORTED_AS|HOLDS]->(d:Entity) RETURN d.id } AS dependents,
  COLLECT { MATCH (n)<-[r:SOURCED_FROM|PUBLISHED_BY|ABOUT|CONCERNS|INTO|FOR_INCIDENT|IN_INCIDENT|AGAINST|AT|ON_BEHALF_OF|OF_CATEGORY|IN_COUNTRY|AFFECTED|NATIONAL_OF|FORMERLY_EMPLOYED_BY|PART_OF]-(x:Entity)
            RETURN {id: x.id, type: type(r)} AS b
            UNION
            MATCH (n)-[r:IMPOSED|CONDUCTS|RESULTED_IN|MADE|ORGANIZED|SUBJECT_OF|IDENTIFIED|ATTENDED]->(x:Entity)
            RETURN {id: x.id, type: type(r)} AS b } AS blocking
