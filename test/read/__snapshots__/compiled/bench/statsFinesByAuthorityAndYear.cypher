// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// {
//   stats {
//     finesByAuthorityAndYear(authority: "pipc") {
//       year
//       totals {
//         sum {
//           display
//         }
//       }
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.stats
// Parameters:
// {
//   "p6_authority": "pipc",
//   "p6_fromYear": null,
//   "p6_toYear": null,
//   "p6_currency": null,
//   "p6_minAmountKey": null
// }
WITH COLLECT {
CALL () {
WITH true AS stats
WITH *, stats AS _x3
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL () {
MATCH (a:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amount IS NOT NULL AND ($p6_authority IS NULL OR a.id = $p6_authority)
  AND ($p6_fromYear IS NULL OR f.year >= $p6_fromYear) AND ($p6_toYear IS NULL OR f.year <= $p6_toYear)
  AND ($p6_currency IS NULL OR f.currency = $p6_currency) AND ($p6_minAmountKey IS NULL OR f.amountKey >= $p6_minAmountKey)
WITH a, f.year AS year, f.currency AS currency, collect(f.amount) AS amounts
ORDER BY currency
WITH a, year, collect({currency: currency, amounts: amounts}) AS totals
WITH *, a AS _x7, year AS _x8, totals AS _x9
ORDER BY a.name, year
RETURN [_x8, _x9] AS _v5
}
RETURN _v5
} AS _w4
RETURN [_w4, _x3] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v
