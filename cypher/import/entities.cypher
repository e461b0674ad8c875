// Every authority and company, for entity resolution: id, name, aliases and country. A company a
// catalogue created has no country of its own: the countries of the authorities whose decisions
// against it that catalogue imported stand for it, so a name of another country is not it.
MATCH (n:Entity)
WHERE n:Authority OR n:Company
WITH n, COLLECT { MATCH (n)-[:IN_COUNTRY]->(c:Country) RETURN c.id }[0] AS country
RETURN n.id AS id, CASE WHEN n:Authority THEN 'Authority' ELSE 'Company' END AS label,
       n.name AS name, coalesce(n.aliases, []) AS aliases, country,
       CASE WHEN country IS NULL AND n:Company AND n.catalogue IS NOT NULL
         THEN COLLECT { MATCH (n)<-[:AGAINST]-(x)<-[:IMPOSED|ORGANIZED]-(:Authority)-[:IN_COUNTRY]->(c:Country)
                        WHERE x.catalogue = n.catalogue RETURN DISTINCT c.id }
         ELSE [] END AS countries
