// Largest first by the metric's best value ($metric: an IncidentSizeMetric). Each metric has its
// own sort key (seeds/99-derived-values.cypher: -1 where an incident has no estimate of it) and
// index: only the branch of the metric asked gets a row, and it walks that index from the top,
// stopping at $first, so no incident is sorted whatever the size of the graph.
CALL () {
  WITH $metric AS metric WHERE metric = 'RECORDS_EXPOSED'
  MATCH (n:Incident) WHERE n.sortRecords >= 0
  WITH n, n.sortRecords AS size ORDER BY size DESC, n.id LIMIT $first
  RETURN n, size
  UNION ALL
  WITH $metric AS metric WHERE metric = 'PEOPLE_AFFECTED'
  MATCH (n:Incident) WHERE n.sortPeople >= 0
  WITH n, n.sortPeople AS size ORDER BY size DESC, n.id LIMIT $first
  RETURN n, size
  UNION ALL
  WITH $metric AS metric WHERE NOT metric IN ['RECORDS_EXPOSED', 'PEOPLE_AFFECTED']
  MATCH (n:Incident) WHERE n.sortAccounts >= 0
  WITH n, n.sortAccounts AS size ORDER BY size DESC, n.id LIMIT $first
  RETURN n, size
}
RETURN n
ORDER BY size DESC, n.id
LIMIT $first
