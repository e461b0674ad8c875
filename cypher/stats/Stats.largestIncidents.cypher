// Largest first by the metric's best value ($records: records exposed, else accounts affected);
// the sort keys are -1 where an incident has no estimate of the metric.
MATCH (n:Incident)
WITH n, CASE WHEN $records THEN n.sortRecords ELSE n.sortAccounts END AS size
WHERE size >= 0
RETURN n
ORDER BY size DESC, n.id
LIMIT $first
