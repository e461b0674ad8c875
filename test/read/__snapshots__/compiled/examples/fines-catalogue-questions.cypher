// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query FinesCatalogueQuestions {
//   stats {
//     largestFinesByCountry {
//       country {
//         code
//         name
//       }
//       currency
//       fines
//       fine {
//         id
//         amount {
//           display
//         }
//         date {
//           iso
//         }
//         authority {
//           name
//         }
//         company {
//           name
//         }
//       }
//     }
//     mostIn2019: finesByAuthorityAndYear(
//       year: 2019
//       currency: "EUR"
//       orderBy: LARGEST_TOTAL_FIRST
//       first: 3
//     ) {
//       authority {
//         id
//         name
//       }
//       totals {
//         count
//         sum {
//           display
//         }
//       }
//     }
//     millionOrMore: finesByYear(minAmount: {amount: "1000000", currency: "EUR"}) {
//       year
//       totals {
//         count
//         sum {
//           display
//         }
//       }
//     }
//   }
//   finedByTwoOrMore: companies(filter: {finedByAtLeast: 2}, first: 20) {
//     totalCount
//     edges {
//       node {
//         id
//         name
//         finesReceived(orderBy: OLDEST_FIRST) {
//           amount {
//             display
//           }
//           date {
//             iso
//           }
//           authority {
//             name
//           }
//         }
//       }
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.stats + Query.companies
// Parameters:
// {
//   "p6_currency": null,
//   "pl_authority": null,
//   "pl_fromYear": 2019,
//   "pl_toYear": 2019,
//   "pl_currency": "EUR",
//   "pl_minAmountKey": null,
//   "pr_country": null,
//   "pr_fromYear": null,
//   "pr_toYear": null,
//   "pr_currency": "EUR",
//   "pr_minAmountKey": "000000000000000001000000.000000",
//   "pu_f": {
//     "country": null,
//     "sector": null,
//     "hasFine": null,
//     "finedByAtLeast": 2
//   },
//   "pu_limit": 21,
//   "pz_order": "OLDEST_FIRST",
//   "pz_from": null,
//   "pz_to": null,
//   "pz_first": 9007199254740991
// }
WITH COLLECT {
CALL () {
WITH true AS stats
WITH *, stats AS _x3
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL () {
MATCH (c:Country)<-[:IN_COUNTRY]-(:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amountKey IS NOT NULL AND ($p6_currency IS NULL OR f.currency = $p6_currency)
WITH c, f ORDER BY f.amountKey DESC, f.id
WITH c, f.currency AS currency, collect(f) AS ranked
WITH c, currency, ranked[0] AS fine, size(ranked) AS compared
WITH *, c AS _x7, currency AS _x8, fine AS _x9, compared AS _xa
ORDER BY c.name, currency
WITH _x7, _x8, _x9, _xa
WITH *, COLLECT {
CALL (_x9) {
WITH _x9 AS this
MATCH (this)<-[:IMPOSED]-(n:Authority)
WITH *, n AS _xe
ORDER BY n.id
LIMIT 1
RETURN [_xe.id, _xe.name] AS _vc
}
RETURN _vc
} AS _wb, COLLECT {
CALL (_x9) {
WITH _x9 AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _xi
ORDER BY n.id
LIMIT 1
RETURN [_xi.id, _xi.name] AS _vg
}
RETURN _vg
} AS _wf
RETURN [[_x7.id, _x7.name], _x8, [_x9.id, _x9.amount, _x9.currency, _x9.date, _x9.dateAsReported, _wb[0], _wf[0]], _xa] AS _v5
}
RETURN _v5
} AS _w4, COLLECT {
CALL () {
MATCH (a:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amount IS NOT NULL AND ($pl_authority IS NULL OR a.id = $pl_authority)
  AND ($pl_fromYear IS NULL OR f.year >= $pl_fromYear) AND ($pl_toYear IS NULL OR f.year <= $pl_toYear)
  AND ($pl_currency IS NULL OR f.currency = $pl_currency) AND ($pl_minAmountKey IS NULL OR f.amountKey >= $pl_minAmountKey)
WITH a, f.year AS year, f.currency AS currency, collect(f.amount) AS amounts
ORDER BY currency
WITH a, year, collect({currency: currency, amounts: amounts}) AS totals
WITH *, a AS _xm, year AS _xn, totals AS _xo
ORDER BY a.name, year
RETURN [[_xm.id, _xm.name], _xn, _xo] AS _vk
}
RETURN _vk
} AS _wj, COLLECT {
CALL () {
MATCH (a:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amount IS NOT NULL
  AND ($pr_country IS NULL OR EXISTS { (a)-[:IN_COUNTRY]->(:Country {id: $pr_country}) })
  AND ($pr_fromYear IS NULL OR f.year >= $pr_fromYear) AND ($pr_toYear IS NULL OR f.year <= $pr_toYear)
  AND ($pr_currency IS NULL OR f.currency = $pr_currency) AND ($pr_minAmountKey IS NULL OR f.amountKey >= $pr_minAmountKey)
WITH f.year AS year, f.currency AS currency, collect(f.amount) AS amounts
ORDER BY currency
WITH year, collect({currency: currency, amounts: amounts}) AS totals
WITH *, year AS _xs, totals AS _xt
ORDER BY year
RETURN [_xs, _xt] AS _vq
}
RETURN _vq
} AS _wp
RETURN [_w4, _wj, _wp, _x3] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v
UNION ALL
CALL () {
MATCH (n:Company)
WITH n WHERE (COUNT { MATCH (n)<-[:AGAINST]-(:Fine)<-[:IMPOSED]-(a:Authority) RETURN DISTINCT a } >= $pu_f.finedByAtLeast)
  AND n.id IS NOT NULL
WITH n ORDER BY n.id ASC
LIMIT $pu_limit
WITH n AS _xv, [n.id] AS sortKey
WITH *, COLLECT {
CALL (_xv) {
WITH _xv AS this
MATCH (this)<-[:AGAINST]-(f:Fine)
WITH f, CASE WHEN $pz_order IS NULL AND $pz_from IS NULL AND $pz_to IS NULL THEN null ELSE split(f.date, '/')[0] END AS dated
WITH f, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
WHERE ($pz_from IS NULL OR day >= $pz_from) AND ($pz_to IS NULL OR day <= $pz_to)
WITH *, f AS _x10
ORDER BY CASE WHEN $pz_order = 'NEWEST_FIRST' AND day IS NULL THEN 1 ELSE 0 END,
         CASE WHEN $pz_order = 'OLDEST_FIRST' THEN coalesce(day, '') END,
         CASE WHEN $pz_order = 'NEWEST_FIRST' THEN day END DESC,
         CASE WHEN $pz_order IN ['OLDEST_FIRST', 'NEWEST_FIRST'] THEN size(dated) END DESC,
         CASE WHEN $pz_order = 'SMALLEST_FIRST' THEN f.sortAmount END,
         CASE WHEN $pz_order = 'LARGEST_FIRST' THEN f.sortAmount END DESC,
         f.id
LIMIT $pz_first
WITH _x10
WITH *, COLLECT {
CALL (_x10) {
WITH _x10 AS this
MATCH (this)<-[:IMPOSED]-(n:Authority)
WITH *, n AS _x14
ORDER BY n.id
LIMIT 1
RETURN [_x14.id, _x14.name] AS _v12
}
RETURN _v12
} AS _w11
RETURN [_x10.id, _x10.amount, _x10.currency, _x10.date, _x10.dateAsReported, _w11[0]] AS _vy
}
RETURN _vy
} AS _wx
RETURN {node: [_xv.id, _xv.name, _wx], sortKey: sortKey} AS _vw
}
RETURN 1 AS k, _vw AS v
UNION ALL
CALL () {
MATCH (n:Company)
WITH n WHERE (COUNT { MATCH (n)<-[:AGAINST]-(:Fine)<-[:IMPOSED]-(a:Authority) RETURN DISTINCT a } >= $pu_f.finedByAtLeast)
RETURN count(n) AS total
}
RETURN 2 AS k, total AS v
