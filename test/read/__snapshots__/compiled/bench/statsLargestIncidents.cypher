// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// {
//   stats {
//     largestIncidents(first: 10) {
//       id
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.stats
// Parameters:
// {
//   "p6_metric": "ACCOUNTS_AFFECTED",
//   "p6_first": 10
// }
WITH COLLECT {
CALL () {
WITH true AS stats
WITH *, stats AS _x3
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL () {
CALL () {
  WITH $p6_metric AS metric WHERE metric = 'RECORDS_EXPOSED'
  MATCH (n:Incident) WHERE n.sortRecords >= 0
  WITH n, n.sortRecords AS size ORDER BY size DESC, n.id LIMIT $p6_first
  RETURN n, size
  UNION ALL
  WITH $p6_metric AS metric WHERE metric = 'PEOPLE_AFFECTED'
  MATCH (n:Incident) WHERE n.sortPeople >= 0
  WITH n, n.sortPeople AS size ORDER BY size DESC, n.id LIMIT $p6_first
  RETURN n, size
  UNION ALL
  WITH $p6_metric AS metric WHERE NOT metric IN ['RECORDS_EXPOSED', 'PEOPLE_AFFECTED']
  MATCH (n:Incident) WHERE n.sortAccounts >= 0
  WITH n, n.sortAccounts AS size ORDER BY size DESC, n.id LIMIT $p6_first
  RETURN n, size
}
WITH *, n AS _x7
ORDER BY size DESC, n.id
LIMIT $p6_first
RETURN [_x7.id] AS _v5
}
RETURN _v5
} AS _w4
RETURN [_w4, _x3] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v
