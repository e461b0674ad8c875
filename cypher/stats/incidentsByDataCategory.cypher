// exposedIncidents is kept by seeds/99-derived-values.cypher.
MATCH (d:DataCategory)
RETURN d {.*, _labels: labels(d)} AS category, coalesce(d.exposedIncidents, 0) AS incidents
ORDER BY incidents DESC, d.name
