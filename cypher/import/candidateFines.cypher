// Fines already in the graph (from other sources) that a row could be another report of: the
// same authority and company, not imported from this catalogue, with their kind and the dates of
// their reports.
UNWIND $pairs AS p
MATCH (:Authority {id: p.authority})-[:IMPOSED]->(f:Fine)-[:AGAINST]->(:Company {id: p.company})
WHERE NOT EXISTS { (f)-[:REPORTED_AS]->(:FineReport {catalogue: $catalogue}) }
RETURN p.authority AS authority, p.company AS company, f.id AS fine, f.kind AS kind,
       COLLECT { MATCH (f)-[:REPORTED_AS]->(r:FineReport) WHERE r.date IS NOT NULL RETURN r.date } AS dates
