MATCH (this)-[r:ATTENDED]->(e:Event)
RETURN this AS person, e AS event, r.role AS role
ORDER BY e.date, e.id
