// Positions held at an organization (company or authority).
MATCH (this)<-[:AT]-(p:Position)
RETURN p
ORDER BY p.since, p.id
