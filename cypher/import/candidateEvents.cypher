// Events already in the graph (from other sources) that a row without an amount could be another
// source of: organized by the authority against the company, not imported from this catalogue.
UNWIND $pairs AS p
MATCH (:Authority {id: p.authority})-[:ORGANIZED]->(e:Event)-[:AGAINST]->(:Company {id: p.company})
WHERE coalesce(e.catalogue, '') <> $catalogue
RETURN p.authority AS authority, p.company AS company, e.id AS event, e.kind AS kind, e.date AS date
