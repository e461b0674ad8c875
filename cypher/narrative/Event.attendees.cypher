MATCH (this)<-[r:ATTENDED]-(p:Person)
RETURN p AS person, this AS event, r.role AS role
ORDER BY r.order, p.id
