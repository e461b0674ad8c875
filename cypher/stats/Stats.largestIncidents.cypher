// Largest first by the metric's best value ($metric: an IncidentSizeMetric), read as known on a
// day ($asOf; the plain form, without it, walks each metric's stored sort key from the top): among
// the incidents known by then, by the value of the best estimate as it was chosen then (the last
// of <metric>Changes on or before the day; seeds/99-derived-values.cypher). No index holds that
// order: the known incidents are sorted.
MATCH (n:Incident)
WHERE $asOf IS NULL OR n.knownOn <= $asOf
WITH n, CASE WHEN $metric = 'RECORDS_EXPOSED' THEN [n.recordsExposedChanges, n.recordsExposedChangeValues, n.sortRecords]
             WHEN $metric = 'PEOPLE_AFFECTED' THEN [n.peopleAffectedChanges, n.peopleAffectedChangeValues, n.sortPeople]
             ELSE [n.accountsAffectedChanges, n.accountsAffectedChangeValues, n.sortAccounts] END AS m
WITH n, CASE WHEN $asOf IS NULL THEN m[2]
             ELSE coalesce([k IN range(size(coalesce(m[0], [])) - 1, 0, -1) WHERE m[0][k] <= $asOf | m[1][k]][0], -1) END AS size
WHERE size >= 0
RETURN n
ORDER BY size DESC, n.id
LIMIT $first
