// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query AuthorityTrace {
//   incident(id: "coupang-breach-2025") {
//     disclosedOn {
//       iso
//       precision
//       asReported
//     }
//     investigations {
//       title
//       authorities {
//         id
//         name
//         investigations(orderBy: NEWEST_FIRST) {
//           id
//           openedOn {
//             iso
//             precision
//           }
//           incident {
//             id
//             title
//           }
//         }
//         finesImposed(orderBy: NEWEST_FIRST, first: 3, between: {to: "2025-11-29"}) {
//           id
//           amount {
//             display
//           }
//           amountInUSD {
//             money {
//               display
//             }
//             basis
//           }
//           date {
//             iso
//             precision
//           }
//           company {
//             name
//           }
//           incident {
//             id
//             title
//           }
//         }
//       }
//     }
//   }
// }
//
// 3 queries sent.

// ---- 1/3: Query.incident
// Parameters:
// {
//   "p2_id": "coupang-breach-2025",
//   "p6_first": 9007199254740991,
//   "pe_order": "NEWEST_FIRST",
//   "pe_from": null,
//   "pe_to": null,
//   "pe_first": 9007199254740991,
//   "pm_order": "NEWEST_FIRST",
//   "pm_from": null,
//   "pm_to": "2025-11-29",
//   "pm_first": 3
// }
WITH COLLECT {
CALL () {
OPTIONAL MATCH (:Redirect {id: $p2_id})-[:MERGED_INTO*1..8]->(merged:Entity)
MATCH (n:Incident {id: coalesce(merged.id, $p2_id)})
WITH *, n AS _x3
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)<-[:INTO]-(n:Investigation)
WITH *, n AS _x7
ORDER BY n.openedOn, n.id
LIMIT $p6_first
WITH _x7
WITH *, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)<-[:CONDUCTS]-(n:Authority)
WITH *, n AS _xb
ORDER BY n.name
WITH _xb
WITH *, COLLECT {
CALL (_xb) {
WITH _xb AS this
MATCH (this)-[:CONDUCTS]->(inv:Investigation)
WITH inv, CASE WHEN $pe_order IS NULL AND $pe_from IS NULL AND $pe_to IS NULL THEN null ELSE split(inv.openedOn, '/')[0] END AS dated
WITH inv, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
WHERE ($pe_from IS NULL OR day >= $pe_from) AND ($pe_to IS NULL OR day <= $pe_to)
WITH *, inv AS _xf
ORDER BY CASE WHEN $pe_order = 'NEWEST_FIRST' AND day IS NULL THEN 1 ELSE 0 END,
         CASE WHEN $pe_order = 'OLDEST_FIRST' THEN coalesce(day, '') END,
         CASE WHEN $pe_order = 'NEWEST_FIRST' THEN day END DESC,
         CASE WHEN $pe_order IS NOT NULL THEN size(dated) END DESC,
         CASE WHEN $pe_order IS NULL THEN inv.openedOn END, inv.id
LIMIT $pe_first
WITH _xf
WITH *, COLLECT {
CALL (_xf) {
WITH _xf AS this
MATCH (this)-[:INTO]->(n:Incident)
WITH *, n AS _xj
ORDER BY n.id
LIMIT 1
RETURN [_xj.id, _xj.title] AS _vh
}
RETURN _vh
} AS _wg
RETURN [_xf.id, _xf.openedOn, _xf.openedOnAsReported, _wg[0]] AS _vd
}
RETURN _vd
} AS _wc, COLLECT {
CALL (_xb) {
WITH _xb AS this
WITH this, coalesce($pm_order = 'NEWEST_FIRST' AND $pm_from IS NULL AND $pm_to IS NULL
                   AND ($pm_first <= 25 OR size(this.newestFineIds) < 25), false) AS stored
CALL (this, stored) {
  WITH this WHERE stored
  UNWIND this.newestFineIds AS fineId
  MATCH (f:Fine {id: fineId})
  WHERE (this)-[:IMPOSED]->(f)
  RETURN f
  LIMIT $pm_first
  UNION ALL
  WITH this WHERE NOT stored
  MATCH (this)-[:IMPOSED]->(f:Fine)
  RETURN f
}
WITH f, CASE WHEN $pm_order IS NULL AND $pm_from IS NULL AND $pm_to IS NULL THEN null ELSE split(f.date, '/')[0] END AS dated
WITH f, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
WHERE ($pm_from IS NULL OR day >= $pm_from) AND ($pm_to IS NULL OR day <= $pm_to)
WITH *, f AS _xn
ORDER BY CASE WHEN $pm_order = 'NEWEST_FIRST' AND day IS NULL THEN 1 ELSE 0 END,
         CASE WHEN $pm_order = 'OLDEST_FIRST' THEN coalesce(day, '') END,
         CASE WHEN $pm_order = 'NEWEST_FIRST' THEN day END DESC,
         CASE WHEN $pm_order IN ['OLDEST_FIRST', 'NEWEST_FIRST'] THEN size(dated) END DESC,
         CASE WHEN $pm_order = 'SMALLEST_FIRST' THEN f.sortAmount END,
         CASE WHEN $pm_order = 'LARGEST_FIRST' THEN f.sortAmount END DESC,
         f.id
LIMIT $pm_first
WITH _xn
WITH *, COLLECT {
CALL (_xn) {
WITH _xn AS this
WITH this WHERE this.usdAmount IS NOT NULL
OPTIONAL MATCH (this)-[:REPORTED_AS]->(r:FineReport {id: this.usdReport})
WITH *, {amount: this.usdAmount, currency: 'USD'} AS _xr, this.usdBasis AS _xs, r AS _xt
LIMIT 1
RETURN [_xr, _xs] AS _vp
}
RETURN _vp
} AS _wo, COLLECT {
CALL (_xn) {
WITH _xn AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _xx
ORDER BY n.id
LIMIT 1
RETURN [_xx.id, _xx.name] AS _vv
}
RETURN _vv
} AS _wu, COLLECT {
CALL (_xn) {
WITH _xn AS this
MATCH (this)-[:FOR_INCIDENT]->(n:Incident)
WITH *, n AS _x11
ORDER BY n.id
LIMIT 1
RETURN [_x11.id, _x11.title] AS _vz
}
RETURN _vz
} AS _wy
RETURN [_xn.id, _xn.amount, _xn.currency, _xn.date, _xn.dateAsReported, _wo[0], _wu[0], _wy[0]] AS _vl
}
RETURN _vl
} AS _wk
RETURN [_xb.id, _xb.name, _wc, _wk] AS _v9
}
RETURN _v9
} AS _w8
RETURN [_x7.id, _x7.title, _w8] AS _v5
}
RETURN _v5
} AS _w4
RETURN [_x3.id, _x3.disclosedOn, _x3.disclosedOnAsReported, _w4] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v

// ---- 2/3: common/labelsOf
// Parameters:
// {
//   "id": "coupang-breach-2025"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 3/3: common/suggest/Incident
// Parameters:
// {
//   "variants": [
//     "coupang-breach-2025",
//     "COUPANG-BREACH-2025"
//   ],
//   "lowerPrefix": "co",
//   "upperPrefix": "CO"
// }
// Candidates for an unknown Incident id, only on the error path (src/read/suggest.ts): the id's case and
// slug variants, and ids sharing its first characters, through the id index; never a scan of all.
CALL () {
  MATCH (n:Incident) WHERE n.id IN $variants
  RETURN n
  UNION
  MATCH (n:Incident) WHERE n.id STARTS WITH $lowerPrefix
  RETURN n LIMIT 500
  UNION
  MATCH (n:Incident) WHERE n.id STARTS WITH $upperPrefix
  RETURN n LIMIT 500
}
RETURN n.id AS id, [x IN [n.title] WHERE x IS NOT NULL] AS names
