// Kind 2: the first 50 incidents by id (walking the id index in order, stopping at 50), each
// with its investigations, their authorities, the fines those imposed and the fined company.
MATCH (i:Incident)
WHERE i.id IS NOT NULL
WITH i ORDER BY i.id LIMIT 50
RETURN i {
  .id,
  investigations: [(i)<-[:INTO]-(v:Investigation) | v {.id,
    authorities: [(v)<-[:CONDUCTS]-(a:Authority) | a {.id,
      finesImposed: [(a)-[:IMPOSED]->(f:Fine) | f {.id,
        company: [(f)-[:AGAINST]->(c:Company) | c {.id, .name}][0]}]}]}]
} AS row
ORDER BY i.id
