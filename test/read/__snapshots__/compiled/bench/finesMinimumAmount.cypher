// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// {
//   fines(
//     filter: {minAmount: {amount: "1000000000000", currency: "KRW"}}
//     orderBy: [{field: AMOUNT, direction: DESC}]
//     first: 20
//   ) {
//     edges {
//       node {
//         id
//         amount {
//           display
//         }
//       }
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.fines
// Parameters:
// {
//   "p0_f": {
//     "company": null,
//     "authority": null,
//     "currency": "KRW",
//     "year": null,
//     "minAmountKey": "000000000001000000000000.000000",
//     "sortAmountFrom": "KRW 000000000001000000000000.000000",
//     "sortAmountTo": "KRW!"
//   },
//   "p0_limit": 21
// }
CALL () {
MATCH (n:Fine)
WITH n WHERE (// sortAmount is currency + ' ' + amountKey: its range is "this currency, at least this amount", and
// the only index this predicate offers, so a walk in amount order seeks straight to it and stops.
n.sortAmount >= $p0_f.sortAmountFrom AND n.sortAmount < $p0_f.sortAmountTo)
  AND n.sortAmount IS NOT NULL
WITH n ORDER BY n.sortAmount DESC, n.id DESC
LIMIT $p0_limit
WITH n AS _x1, [n.sortAmount, n.id] AS sortKey
RETURN {node: [_x1.id, _x1.amount, _x1.currency], sortKey: sortKey} AS _v2
}
RETURN 0 AS k, _v2 AS v
