UNWIND $keys AS key
MATCH (p:Person {id: key})-[r:ATTENDED]->(e:Event)
RETURN key, {person: p {.*, _labels: labels(p)}, event: e {.*, _labels: labels(e)}, role: r.role} AS node
ORDER BY key, e.date, e.id
