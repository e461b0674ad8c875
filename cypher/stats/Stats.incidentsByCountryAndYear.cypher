MATCH (n:Incident)-[:IN_COUNTRY]->(c:Country)
WHERE $country IS NULL OR c.id = $country
WITH c, toInteger(left(coalesce(n.disclosedOn, n.accessStart), 4)) AS year, count(n) AS incidents
RETURN c AS country, year, incidents
ORDER BY c.name, year
