// Sectors are a property of companies (Company.sector), grouped as stored.
// Read as known on a day ($asOf; the plain form leaves it out): the companies and incidents known by then.
MATCH (c:Company) WHERE c.sector IS NOT NULL AND ($asOf IS NULL OR c.knownOn <= $asOf)
OPTIONAL MATCH (c)<-[:AFFECTED]-(i:Incident) WHERE $asOf IS NULL OR i.knownOn <= $asOf
WITH c.sector AS name, count(DISTINCT c) AS companyCount, count(DISTINCT i) AS incidentCount
RETURN name, companyCount, incidentCount
ORDER BY name
