// Kind 1: an incident with its company, exposed data categories, investigations with their
// authorities, suspicions with the person, and its sources with what each link says.
MATCH (i:Incident {id: $id})
RETURN i {
  .id, .title,
  company: [(i)-[:AFFECTED]->(c:Company) | c {.id, .name}][0],
  exposedData: [(i)-[:HAS_EXPOSURE]->(x:DataExposure {exposed: true})-[:OF_CATEGORY]->(d:DataCategory) | x {.id, category: d {.id, .name}}],
  investigations: [(i)<-[:INTO]-(v:Investigation) | v {.id, .title, authorities: [(v)<-[:CONDUCTS]-(a:Authority) | a {.id, .name}]}],
  suspicions: [(i)<-[:IN_INCIDENT]-(s:Suspicion) | s {.id, .status, person: [(s)<-[:SUBJECT_OF]-(p:Person) | p {.id, .name, .description}][0]}],
  sources: [(i)-[r:SOURCED_FROM]->(src:Source) | {attribution: r.attribution, about: coalesce(r.about, []), source: src {.id, .title, .url}}]
} AS row
