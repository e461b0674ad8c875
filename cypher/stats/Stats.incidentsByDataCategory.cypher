// How many incidents exposed each category. Read as known on a day ($asOf), counted among the
// exposures and incidents known by then; the plain form, without it, reads the count
// seeds/99-derived-values.cypher keeps (exposedIncidents).
MATCH (d:DataCategory)
WITH d, CASE WHEN $asOf IS NULL THEN coalesce(d.exposedIncidents, 0)
             ELSE COUNT { MATCH (d)<-[:OF_CATEGORY]-(e:DataExposure {exposed: true})<-[:HAS_EXPOSURE]-(i:Incident)
                          WHERE e.knownOn <= $asOf AND i.knownOn <= $asOf RETURN DISTINCT i } END AS incidents
RETURN d AS category, incidents
ORDER BY incidents DESC, d.name
