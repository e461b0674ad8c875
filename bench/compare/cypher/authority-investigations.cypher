// Kind 3: an incident -> its investigations -> their authorities -> every investigation of
// those authorities -> the incident each is into -> that incident's fines.
MATCH (i:Incident {id: $id})
RETURN i {
  .id,
  investigations: [(i)<-[:INTO]-(v:Investigation) | v {.id,
    authorities: [(v)<-[:CONDUCTS]-(a:Authority) | a {.id,
      investigations: [(a)-[:CONDUCTS]->(w:Investigation) | w {.id,
        incident: [(w)-[:INTO]->(j:Incident) | j {.id,
          fines: [(j)<-[:FOR_INCIDENT]-(f:Fine) | f {.id, .amount, .currency, .date}]}][0]}]}]}]
} AS row
