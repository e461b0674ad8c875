// Kind 6, the mission's trace: an incident -> its investigations -> their authorities -> every
// investigation of those authorities -> the incident -> its fines and the fined company.
MATCH (i:Incident {id: $id})
RETURN i {
  .id,
  investigations: [(i)<-[:INTO]-(v:Investigation) | v {.id,
    authorities: [(v)<-[:CONDUCTS]-(a:Authority) | a {.id, .name,
      investigations: [(a)-[:CONDUCTS]->(w:Investigation) | w {.id,
        incident: [(w)-[:INTO]->(j:Incident) | j {.id, .title,
          fines: [(j)<-[:FOR_INCIDENT]-(f:Fine) | f {.id, .amount, .currency, .date,
            company: [(f)-[:AGAINST]->(c:Company) | c {.id, .name}][0]}]}][0]}]}]}]
} AS row
