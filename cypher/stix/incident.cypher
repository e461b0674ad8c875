// The STIX bundle of one incident (src/stix/bundle.ts): the incident and the facts that hang on it,
// each node as {id, labels, props, times, sourced}: its stored properties, the times of the changes
// that wrote it (CHANGED, from the seed loader, the importers and the curators) and its
// SOURCED_FROM links; then the sources those links name, with their publishers. No row: no incident.
// As known on a day ($asOf, src/read/asOf.ts): only the nodes, links and sources known by then
// (knownOn, seeds/99-derived-values.cypher); no row when the incident itself was not.
MATCH (i:Incident {id: $id})
WHERE ($asOf IS NULL OR i.knownOn <= $asOf)
WITH i,
  COLLECT { MATCH (i)-[:AFFECTED]->(c:Company) WHERE ($asOf IS NULL OR c.knownOn <= $asOf) RETURN c } AS affected,
  COLLECT { MATCH (i)-[:HAS_EXPOSURE]->(e:DataExposure) WHERE ($asOf IS NULL OR e.knownOn <= $asOf) RETURN e } AS exposures,
  COLLECT { MATCH (i)-[:HAS_ESTIMATE]->(e:Estimate) WHERE ($asOf IS NULL OR e.knownOn <= $asOf) RETURN e } AS estimates,
  COLLECT { MATCH (v:Investigation)-[:INTO]->(i) WHERE ($asOf IS NULL OR v.knownOn <= $asOf) RETURN v } AS investigations,
  COLLECT { MATCH (f:Fine)-[:FOR_INCIDENT]->(i) WHERE ($asOf IS NULL OR f.knownOn <= $asOf) RETURN f } AS fines,
  COLLECT { MATCH (s:Suspicion)-[:IN_INCIDENT]->(i) WHERE ($asOf IS NULL OR s.knownOn <= $asOf) RETURN s } AS suspicions
WITH i, affected, exposures, estimates, investigations, fines, suspicions,
  COLLECT { UNWIND fines AS f MATCH (f)-[:REPORTED_AS]->(r:FineReport) WHERE ($asOf IS NULL OR r.knownOn <= $asOf) RETURN r } AS reports,
  COLLECT { UNWIND fines AS f MATCH (f)-[:AGAINST]->(c:Company) WHERE ($asOf IS NULL OR c.knownOn <= $asOf) RETURN c } AS finedCompanies,
  COLLECT { UNWIND suspicions AS s MATCH (p:Person)-[:SUBJECT_OF]->(s) WHERE ($asOf IS NULL OR p.knownOn <= $asOf) RETURN p } AS suspects,
  COLLECT {
    CALL (investigations, fines, suspicions) {
      UNWIND investigations AS v MATCH (a:Authority)-[:CONDUCTS]->(v) WHERE ($asOf IS NULL OR a.knownOn <= $asOf) RETURN a
      UNION
      UNWIND fines AS f MATCH (a:Authority)-[:IMPOSED]->(f) WHERE ($asOf IS NULL OR a.knownOn <= $asOf) RETURN a
      UNION
      UNWIND suspicions AS s MATCH (a:Authority)-[:IDENTIFIED]->(s) WHERE ($asOf IS NULL OR a.knownOn <= $asOf) RETURN a
    }
    RETURN a
  } AS authorities,
  COLLECT {
    MATCH (i)-[r:FOLLOWS_SIMILAR]-(o:Incident) WHERE o <> i AND ($asOf IS NULL OR (r.knownOn <= $asOf AND o.knownOn <= $asOf))
    RETURN {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r), other: o {.id, .title}}
  } AS similar
WITH i, affected, exposures, estimates, investigations, fines, suspicions, reports, suspects, authorities, similar,
  COLLECT { UNWIND affected + finedCompanies AS c WITH DISTINCT c RETURN c } AS companies
WITH i, similar,
  [i] + companies + exposures + estimates + investigations + fines + suspicions + reports + suspects + authorities AS nodes
WITH similar, [n IN nodes | n {
  id: n.id, labels: labels(n), props: properties(n),
  times: COLLECT { MATCH (n)<-[:CHANGED]-(c:Change) RETURN c.at },
  sourced: COLLECT { MATCH (n)-[r:SOURCED_FROM]->(s:Source) WHERE ($asOf IS NULL OR s.knownOn <= $asOf) RETURN {source: s.id, props: properties(r)} }
}] AS nodes,
  // The graph's links among them, as {type, from, to}: what the mapping turns into relationships and refs.
  COLLECT {
    UNWIND nodes AS a
    MATCH (a)-[r:AFFECTED|HAS_EXPOSURE|HAS_ESTIMATE|INTO|FOR_INCIDENT|IN_INCIDENT|REPORTED_AS|AGAINST|SUBJECT_OF|CONDUCTS|IMPOSED|IDENTIFIED|RESULTED_IN]->(b)
    WHERE b IN nodes
    RETURN {type: type(r), from: a.id, to: b.id, props: properties(r)}
  } AS links,
  COLLECT {
    UNWIND nodes AS n
    MATCH (n)-[:IN_COUNTRY]->(k:Country)
    RETURN {node: n.id, country: k.id}
  } AS countries,
  COLLECT {
    UNWIND nodes AS n
    MATCH (n)-[:OF_CATEGORY]->(d:DataCategory)
    RETURN {node: n.id, category: d.id, name: d.name}
  } AS categories,
  COLLECT {
    UNWIND nodes AS n
    MATCH (n)-[:SOURCED_FROM]->(s:Source) WHERE ($asOf IS NULL OR s.knownOn <= $asOf)
    WITH DISTINCT s
    OPTIONAL MATCH (s)-[:PUBLISHED_BY]->(p:Publisher)
    RETURN {id: s.id, props: properties(s), times: COLLECT { MATCH (s)<-[:CHANGED]-(c:Change) RETURN c.at },
            publisher: CASE WHEN p IS NULL THEN null ELSE {id: p.id, props: properties(p),
              times: COLLECT { MATCH (p)<-[:CHANGED]-(c:Change) RETURN c.at }} END}
  } AS sources
RETURN nodes, links, similar, countries, categories, sources
