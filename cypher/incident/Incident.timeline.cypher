// Every dated thing about an incident, oldest first.
CALL (this) {
  UNWIND [
    {kind: 'ACCESS_STARTED', date: this.accessStart, asReported: this.accessStartAsReported, title: 'Unauthorised access began'},
    {kind: 'ACCESS_ENDED', date: this.accessEnd, asReported: null, title: 'Unauthorised access ended'},
    {kind: 'DISCOVERED', date: this.discoveredOn, asReported: null, title: 'Discovered'},
    {kind: 'REPORTED', date: this.reportedOn, asReported: this.reportedOnAsReported, title: 'Reported'},
    {kind: 'DISCLOSED', date: this.disclosedOn, asReported: this.disclosedOnAsReported, title: 'Disclosed publicly'}
  ] AS e
  WITH e WHERE e.date IS NOT NULL
  RETURN e.kind AS kind, e.date AS date, e.asReported AS asReported, e.title AS title, null AS node
  UNION ALL
  MATCH (this)-[:HAS_ESTIMATE]->(x:Estimate) WHERE x.asOf IS NOT NULL
  RETURN 'ESTIMATE' AS kind, x.asOf AS date, x.asOfAsReported AS asReported, null AS title, x AS node
  UNION ALL
  MATCH (this)<-[:ABOUT]-(x:Statement) WHERE x.date IS NOT NULL
  RETURN 'STATEMENT' AS kind, x.date AS date, x.dateAsReported AS asReported, coalesce(x.summary, x.quote) AS title, x AS node
  UNION ALL
  MATCH (this)<-[:CONCERNS]-(x:Event) WHERE x.date IS NOT NULL
  RETURN 'EVENT' AS kind, x.date AS date, x.dateAsReported AS asReported, x.title AS title, x AS node
  UNION ALL
  MATCH (this)<-[:INTO]-(x:Investigation) WHERE x.openedOn IS NOT NULL
  RETURN 'INVESTIGATION_OPENED' AS kind, x.openedOn AS date, x.openedOnAsReported AS asReported, x.title AS title, x AS node
  UNION ALL
  MATCH (this)<-[:FOR_INCIDENT]-(x:Fine)<-[:IMPOSED]-(a:Authority) WHERE x.date IS NOT NULL
  RETURN 'FINE' AS kind, x.date AS date, x.dateAsReported AS asReported, 'Fined by ' + a.name AS title, x AS node
}
// Read as known on a day ($asOf; the plain form leaves it out): only what had happened by then,
// a partial date from the end of its period.
WITH * WHERE $asOf IS NULL OR [d IN [split(coalesce(date, ''), '/')[-1]] WHERE d <> '' | CASE size(d) WHEN 4 THEN d + '-12-31' WHEN 7 THEN toString(date(d + '-01') + duration({months: 1}) - duration({days: 1})) ELSE d END][0] <= $asOf
RETURN kind, date, asReported AS dateAsReported, title, node, CASE WHEN kind = 'ESTIMATE' THEN node {.value, .qualifier, .unit} END AS estimate
ORDER BY date, kind
