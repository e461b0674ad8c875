// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query ($id: ID!) {
//   incident(id: $id) {
//     id
//     investigations {
//       id
//       authorities {
//         id
//         name
//         investigations {
//           id
//           incident {
//             id
//             title
//             fines {
//               id
//               amount {
//                 amount
//                 currency
//               }
//               date {
//                 iso
//               }
//               company {
//                 id
//                 name
//               }
//             }
//           }
//         }
//       }
//     }
//   }
// }
//
// Variables:
// {
//   "id": "coupang-breach-2025"
// }
//
// 3 queries sent.

// ---- 1/3: Query.incident
// Parameters:
// {
//   "p2_id": "coupang-breach-2025",
//   "p6_first": 9007199254740991,
//   "pe_first": 9007199254740991,
//   "pm_first": 9007199254740991
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
WITH *, inv AS _xf
ORDER BY inv.openedOn, inv.id
LIMIT $pe_first
WITH _xf
WITH *, COLLECT {
CALL (_xf) {
WITH _xf AS this
MATCH (this)-[:INTO]->(n:Incident)
WITH *, n AS _xj
ORDER BY n.id
LIMIT 1
WITH _xj
WITH *, COLLECT {
CALL (_xj) {
WITH _xj AS this
MATCH (this)<-[:FOR_INCIDENT]-(n:Fine)
WITH *, n AS _xn
ORDER BY n.id
LIMIT $pm_first
WITH _xn
WITH *, COLLECT {
CALL (_xn) {
WITH _xn AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _xr
ORDER BY n.id
LIMIT 1
RETURN [_xr.id, _xr.name] AS _vp
}
RETURN _vp
} AS _wo
RETURN [_xn.id, _xn.amount, _xn.currency, _xn.date, _xn.dateAsReported, _wo[0]] AS _vl
}
RETURN _vl
} AS _wk
RETURN [_xj.id, _xj.title, _wk] AS _vh
}
RETURN _vh
} AS _wg
RETURN [_xf.id, _wg[0]] AS _vd
}
RETURN _vd
} AS _wc
RETURN [_xb.id, _xb.name, _wc] AS _v9
}
RETURN _v9
} AS _w8
RETURN [_x7.id, _w8] AS _v5
}
RETURN _v5
} AS _w4
RETURN [_x3.id, _w4] AS _v1
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
