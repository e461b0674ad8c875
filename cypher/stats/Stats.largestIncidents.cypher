// Largest first by the metric's best value ($metric: an IncidentSizeMetric), read as known on a
// day ($asOf; the plain form, without it, walks each metric's stored sort key from the top): among
// the incidents known by then, by the value of the estimate that was the metric's best then (a day
// range of its bestFrom/bestUntil holds the day; seeds/99-derived-values.cypher). Each metric's
// branch walks the index of the estimates' everBest<Metric> value from the top and stops at $first:
// an incident has at most one estimate that is a metric's best on a given day. Without $asOf, the
// plain form's branches.
CALL () {
  WITH $metric AS metric WHERE $asOf IS NOT NULL AND metric = 'RECORDS_EXPOSED'
  MATCH (e:Estimate) WHERE e.everBestRecords >= 0
    AND any(k IN range(0, size(e.bestMetrics) - 1) WHERE e.bestMetrics[k] = 'recordsExposed' AND e.bestFrom[k] <= $asOf AND (e.bestUntil[k] = '' OR $asOf < e.bestUntil[k]))
  MATCH (n:Incident)-[:HAS_ESTIMATE]->(e) WHERE n.knownOn <= $asOf
  WITH n, e.everBestRecords AS size ORDER BY size DESC, n.id LIMIT $first
  RETURN n, size
  UNION ALL
  WITH $metric AS metric WHERE $asOf IS NOT NULL AND metric = 'PEOPLE_AFFECTED'
  MATCH (e:Estimate) WHERE e.everBestPeople >= 0
    AND any(k IN range(0, size(e.bestMetrics) - 1) WHERE e.bestMetrics[k] = 'peopleAffected' AND e.bestFrom[k] <= $asOf AND (e.bestUntil[k] = '' OR $asOf < e.bestUntil[k]))
  MATCH (n:Incident)-[:HAS_ESTIMATE]->(e) WHERE n.knownOn <= $asOf
  WITH n, e.everBestPeople AS size ORDER BY size DESC, n.id LIMIT $first
  RETURN n, size
  UNION ALL
  WITH $metric AS metric WHERE $asOf IS NOT NULL AND NOT metric IN ['RECORDS_EXPOSED', 'PEOPLE_AFFECTED']
  MATCH (e:Estimate) WHERE e.everBestAccounts >= 0
    AND any(k IN range(0, size(e.bestMetrics) - 1) WHERE e.bestMetrics[k] = 'accountsAffected' AND e.bestFrom[k] <= $asOf AND (e.bestUntil[k] = '' OR $asOf < e.bestUntil[k]))
  MATCH (n:Incident)-[:HAS_ESTIMATE]->(e) WHERE n.knownOn <= $asOf
  WITH n, e.everBestAccounts AS size ORDER BY size DESC, n.id LIMIT $first
  RETURN n, size
  UNION ALL
  WITH $metric AS metric WHERE $asOf IS NULL AND metric = 'RECORDS_EXPOSED'
  MATCH (n:Incident) WHERE n.sortRecords >= 0
  WITH n, n.sortRecords AS size ORDER BY size DESC, n.id LIMIT $first
  RETURN n, size
  UNION ALL
  WITH $metric AS metric WHERE $asOf IS NULL AND metric = 'PEOPLE_AFFECTED'
  MATCH (n:Incident) WHERE n.sortPeople >= 0
  WITH n, n.sortPeople AS size ORDER BY size DESC, n.id LIMIT $first
  RETURN n, size
  UNION ALL
  WITH $metric AS metric WHERE $asOf IS NULL AND NOT metric IN ['RECORDS_EXPOSED', 'PEOPLE_AFFECTED']
  MATCH (n:Incident) WHERE n.sortAccounts >= 0
  WITH n, n.sortAccounts AS size ORDER BY size DESC, n.id LIMIT $first
  RETURN n, size
}
RETURN n
ORDER BY size DESC, n.id
LIMIT $first
