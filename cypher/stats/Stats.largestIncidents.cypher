// Largest first by the metric's best value ($metric: an IncidentSizeMetric). Each branch walks
// the index of its metric's sort key (seeds/99-derived-values.cypher; -1 where an incident has no
// estimate of the metric) from the largest and stops after $first: no scan of every incident.
// Only the branch of the metric asked for returns rows.
CALL () {
  MATCH (n:Incident) WHERE $metric = 'ACCOUNTS_AFFECTED' AND n.sortAccounts >= 0
  RETURN n, n.sortAccounts AS size ORDER BY size DESC, n.id LIMIT $first
  UNION ALL
  MATCH (n:Incident) WHERE $metric = 'RECORDS_EXPOSED' AND n.sortRecords >= 0
  RETURN n, n.sortRecords AS size ORDER BY size DESC, n.id LIMIT $first
  UNION ALL
  MATCH (n:Incident) WHERE $metric = 'PEOPLE_AFFECTED' AND n.sortPeople >= 0
  RETURN n, n.sortPeople AS size ORDER BY size DESC, n.id LIMIT $first
}
RETURN n
ORDER BY size DESC, n.id
LIMIT $first
