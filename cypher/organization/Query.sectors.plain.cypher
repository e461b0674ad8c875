// Sectors are a property of companies (Company.sector), grouped as stored.
MATCH (c:Company) WHERE c.sector IS NOT NULL
OPTIONAL MATCH (c)<-[:AFFECTED]-(i:Incident)
WITH c.sector AS name, count(DISTINCT c) AS companyCount, count(DISTINCT i) AS incidentCount
RETURN name, companyCount, incidentCount
ORDER BY name
