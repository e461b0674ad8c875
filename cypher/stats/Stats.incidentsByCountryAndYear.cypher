// Incident.year (seeds/99-derived-values.cypher): of disclosure, else discovery, else start of access.
MATCH (n:Incident)-[:IN_COUNTRY]->(c:Country)
WHERE $country IS NULL OR c.id = $country
WITH c, n.year AS year, count(n) AS incidents
RETURN c AS country, year, incidents
ORDER BY c.name, year
