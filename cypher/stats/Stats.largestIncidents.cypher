// Largest first by the metric's best value ($metric: an IncidentSizeMetric); the sort keys
// (seeds/99-derived-values.cypher) are -1 where an incident has no estimate of the metric.
MATCH (n:Incident)
WITH n, CASE $metric WHEN 'RECORDS_EXPOSED' THEN n.sortRecords WHEN 'PEOPLE_AFFECTED' THEN n.sortPeople ELSE n.sortAccounts END AS size
WHERE size >= 0
RETURN n
ORDER BY size DESC, n.id
LIMIT $first
