// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query ($authority: ID!, $min: MoneyInput!) {
//   fines(
//     filter: {authority: $authority, minAmount: $min}
//     orderBy: [{field: AMOUNT, direction: DESC}]
//     first: 20
//   ) {
//     edges {
//       node {
//         id
//         amount {
//           amount
//           currency
//         }
//         date {
//           iso
//         }
//       }
//     }
//   }
// }
//
// Variables:
// {
//   "authority": "syn-authority-0000007",
//   "min": {
//     "amount": "1000000000",
//     "currency": "KRW"
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.fines
// Parameters:
// {
//   "p0_f": {
//     "company": null,
//     "authority": "syn-authority-0000007",
//     "currency": "KRW",
//     "year": null,
//     "minAmountKey": "000000000000001000000000.000000",
//     "sortAmountFrom": "KRW 000000000000001000000000.000000",
//     "sortAmountTo": "KRW!"
//   },
//   "p0_limit": 21,
//   "p3_ids": [
//     "syn-authority-0000007"
//   ]
// }
CALL () {
MATCH (:Authority {id: $p0_f.authority})-[:IMPOSED]->(n:Fine)
WITH n WHERE (// sortAmount is currency + ' ' + amountKey: its range is "this currency, at least this amount", and
// the only index this predicate offers, so a walk in amount order seeks straight to it and stops.
n.sortAmount >= $p0_f.sortAmountFrom AND n.sortAmount < $p0_f.sortAmountTo)
WITH n ORDER BY n.sortAmount DESC, n.id DESC
LIMIT $p0_limit
WITH n AS _x1, [n.sortAmount, n.id] AS sortKey
RETURN {node: [_x1.id, _x1.amount, _x1.currency, _x1.date, _x1.dateAsReported], sortKey: sortKey} AS _v2
}
RETURN 0 AS k, _v2 AS v
UNION ALL
CALL () {
// Which of $ids name no Authority: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $p3_ids WHERE NOT EXISTS { MATCH (:Authority {id: id}) }] AS missing
}
RETURN 1 AS k, missing AS v
