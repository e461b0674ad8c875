// Every authority and company, for entity resolution: id, name, aliases and country.
MATCH (n:Entity)
WHERE n:Authority OR n:Company
RETURN n.id AS id, CASE WHEN n:Authority THEN 'Authority' ELSE 'Company' END AS label,
       n.name AS name, coalesce(n.aliases, []) AS aliases,
       COLLECT { MATCH (n)-[:IN_COUNTRY]->(c:Country) RETURN c.id }[0] AS country
