UNWIND $keys AS key
MATCH (e:Event {id: key})<-[r:ATTENDED]-(p:Person)
RETURN key, {person: p {.*, _labels: labels(p)}, event: e {.*, _labels: labels(e)}, role: r.role} AS node
ORDER BY key, r.order, p.id
