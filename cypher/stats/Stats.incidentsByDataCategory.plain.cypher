// exposedIncidents is kept by seeds/99-derived-values.cypher.
MATCH (d:DataCategory)
WITH d, coalesce(d.exposedIncidents, 0) AS incidents
RETURN d AS category, incidents
ORDER BY incidents DESC, d.name
