// Every dated thing about each incident, in one query for the whole batch.
UNWIND $keys AS key
MATCH (i:Incident {id: key})
CALL (i) {
  UNWIND [
    {kind: 'ACCESS_STARTED', date: i.accessStart, asReported: i.accessStartAsReported, title: 'Unauthorised access began'},
    {kind: 'ACCESS_ENDED', date: i.accessEnd, asReported: null, title: 'Unauthorised access ended'},
    {kind: 'DISCOVERED', date: i.discoveredOn, asReported: null, title: 'Discovered'},
    {kind: 'REPORTED', date: i.reportedOn, asReported: i.reportedOnAsReported, title: 'Reported'},
    {kind: 'DISCLOSED', date: i.disclosedOn, asReported: null, title: 'Disclosed publicly'}
  ] AS e
  WITH e WHERE e.date IS NOT NULL
  RETURN e.kind AS kind, e.date AS date, e.asReported AS asReported, e.title AS title, null AS node
  UNION ALL
  MATCH (i)-[:HAS_ESTIMATE]->(x:Estimate) WHERE x.asOf IS NOT NULL
  RETURN 'ESTIMATE' AS kind, x.asOf AS date, x.asOfAsReported AS asReported, null AS title, x {.*, _labels: labels(x)} AS node
  UNION ALL
  MATCH (i)<-[:ABOUT]-(x:Statement) WHERE x.date IS NOT NULL
  RETURN 'STATEMENT' AS kind, x.date AS date, x.dateAsReported AS asReported, coalesce(x.summary, x.quote) AS title, x {.*, _labels: labels(x)} AS node
  UNION ALL
  MATCH (i)<-[:CONCERNS]-(x:Event) WHERE x.date IS NOT NULL
  RETURN 'EVENT' AS kind, x.date AS date, x.dateAsReported AS asReported, x.title AS title, x {.*, _labels: labels(x)} AS node
  UNION ALL
  MATCH (i)<-[:INTO]-(x:Investigation) WHERE x.openedOn IS NOT NULL
  RETURN 'INVESTIGATION_OPENED' AS kind, x.openedOn AS date, x.openedOnAsReported AS asReported, x.title AS title, x {.*, _labels: labels(x)} AS node
  UNION ALL
  MATCH (i)<-[:FOR_INCIDENT]-(x:Fine)<-[:IMPOSED]-(a:Authority) WHERE x.date IS NOT NULL
  RETURN 'FINE' AS kind, x.date AS date, x.dateAsReported AS asReported, 'Fined by ' + a.name AS title, x {.*, _labels: labels(x)} AS node
}
RETURN key, {kind: kind, date: date, dateAsReported: asReported, title: title, node: node} AS node
ORDER BY key, date, kind
