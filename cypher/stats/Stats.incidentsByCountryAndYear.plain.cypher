// Incident.year (seeds/99-derived-values.cypher): the year it became known (disclosure, else report to an authority, else discovery, else the earliest dated source), else the start of access.
MATCH (n:Incident)-[:IN_COUNTRY]->(c:Country)
WHERE $country IS NULL OR c.id = $country
WITH c, n.year AS year, count(n) AS incidents
RETURN c AS country, year, incidents
ORDER BY c.name, year
