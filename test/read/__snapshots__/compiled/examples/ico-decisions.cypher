// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query IcoDecisions {
//   authority(id: "ico") {
//     id
//     name
//     finesImposed {
//       id
//       kind
//       company {
//         id
//         name
//       }
//       amount {
//         display
//       }
//       date {
//         iso
//         precision
//       }
//       reason
//       reports {
//         amount {
//           display
//         }
//         date {
//           iso
//           precision
//         }
//         sources {
//           attribution
//           source {
//             id
//             url
//           }
//         }
//       }
//     }
//     decisions {
//       id
//       kind
//       title
//       date {
//         iso
//         precision
//         asReported
//       }
//       against {
//         id
//         name
//       }
//       amounts {
//         money {
//           display
//         }
//         label
//       }
//       sources {
//         attribution
//         source {
//           id
//           url
//         }
//       }
//     }
//   }
// }
//
// 3 queries sent.

// ---- 1/3: Query.authority
// Parameters:
// {
//   "p2_id": "ico",
//   "p6_order": null,
//   "p6_from": null,
//   "p6_to": null,
//   "p6_first": 9007199254740991
// }
WITH COLLECT {
CALL () {
OPTIONAL MATCH (:Redirect {id: $p2_id})-[:MERGED_INTO*1..8]->(merged:Entity)
MATCH (n:Authority {id: coalesce(merged.id, $p2_id)})
WITH *, n AS _x3
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL (_x3) {
WITH _x3 AS this
WITH this, coalesce($p6_order = 'NEWEST_FIRST' AND $p6_from IS NULL AND $p6_to IS NULL
                   AND ($p6_first <= 25 OR size(this.newestFineIds) < 25), false) AS stored
CALL (this, stored) {
  WITH this WHERE stored
  UNWIND this.newestFineIds AS fineId
  MATCH (f:Fine {id: fineId})
  WHERE (this)-[:IMPOSED]->(f)
  RETURN f
  LIMIT $p6_first
  UNION ALL
  WITH this WHERE NOT stored
  MATCH (this)-[:IMPOSED]->(f:Fine)
  RETURN f
}
WITH f, CASE WHEN $p6_order IS NULL AND $p6_from IS NULL AND $p6_to IS NULL THEN null ELSE split(f.date, '/')[0] END AS dated
WITH f, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
WHERE ($p6_from IS NULL OR day >= $p6_from) AND ($p6_to IS NULL OR day <= $p6_to)
WITH *, f AS _x7
ORDER BY CASE WHEN $p6_order = 'NEWEST_FIRST' AND day IS NULL THEN 1 ELSE 0 END,
         CASE WHEN $p6_order = 'OLDEST_FIRST' THEN coalesce(day, '') END,
         CASE WHEN $p6_order = 'NEWEST_FIRST' THEN day END DESC,
         CASE WHEN $p6_order IN ['OLDEST_FIRST', 'NEWEST_FIRST'] THEN size(dated) END DESC,
         CASE WHEN $p6_order = 'SMALLEST_FIRST' THEN f.sortAmount END,
         CASE WHEN $p6_order = 'LARGEST_FIRST' THEN f.sortAmount END DESC,
         f.id
LIMIT $p6_first
WITH _x7
WITH *, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _xb
ORDER BY n.id
LIMIT 1
RETURN [_xb.id, _xb.name] AS _v9
}
RETURN _v9
} AS _w8, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[:REPORTED_AS]->(n:FineReport)
WITH *, n AS _xf
ORDER BY n.date, n.id
WITH _xf
WITH *, COLLECT {
CALL (_xf) {
WITH _xf AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xj, r.attribution AS _xk, who AS _xl, coalesce(r.about, []) AS _xm
ORDER BY n.publishedOn, n.id, r.attribution
RETURN [[_xj.id, _xj.url], _xk, _xm] AS _vh
}
RETURN _vh
} AS _wg
RETURN [_xf.id, _xf.amount, _xf.currency, _xf.date, _xf.dateAsReported, _wg] AS _vd
}
RETURN _vd
} AS _wc
RETURN [_x7.id, _x7.kind, _x7.amount, _x7.currency, _x7.date, _x7.dateAsReported, _x7.reason, _w8[0], _wc] AS _v5
}
RETURN _v5
} AS _w4, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)-[:ORGANIZED]->(e:Event)
WHERE e.kind IN ['NOTICE_OF_INTENT', 'DECISION']
WITH *, e AS _xq
ORDER BY e.date, e.id
WITH _xq
WITH *, COLLECT {
CALL (_xq) {
WITH _xq AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _xu
ORDER BY n.id
LIMIT 1
RETURN [_xu.id, _xu.name] AS _vs
}
RETURN _vs
} AS _wr, COLLECT {
CALL (_xq) {
WITH _xq AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xy, r.attribution AS _xz, who AS _x10, coalesce(r.about, []) AS _x11
ORDER BY n.publishedOn, n.id, r.attribution
RETURN [[_xy.id, _xy.url], _xz, _x11] AS _vw
}
RETURN _vw
} AS _wv
RETURN [_xq.id, _xq.kind, _xq.title, _xq.date, _xq.dateAsReported, _xq.amounts, _xq.amountCurrencies, _xq.amountLabels, _wr[0], _wv] AS _vo
}
RETURN _vo
} AS _wn
RETURN [_x3.id, _x3.name, _w4, _wn] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v

// ---- 2/3: common/labelsOf
// Parameters:
// {
//   "id": "ico"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 3/3: common/suggest/Authority
// Parameters:
// {
//   "variants": [
//     "ico",
//     "ICO"
//   ],
//   "lowerPrefix": "ic",
//   "upperPrefix": "IC"
// }
// Candidates for an unknown Authority id, only on the error path: few enough to compare every one (src/read/suggest.ts).
MATCH (n:Authority)
RETURN n.id AS id, [x IN [n.name] + coalesce(n.aliases, []) WHERE x IS NOT NULL] AS names
