// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// {
//   stats {
//     incidentsByDataCategory {
//       incidents
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.stats
// Parameters:
// {}
WITH COLLECT {
CALL () {
WITH true AS stats
WITH *, stats AS _x3
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL () {
MATCH (d:DataCategory)
WITH d, coalesce(d.exposedIncidents, 0) AS incidents
WITH *, d AS _x7, incidents AS _x8
ORDER BY incidents DESC, d.name
RETURN [_x8] AS _v5
}
RETURN _v5
} AS _w4
RETURN [_w4, _x3] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v
