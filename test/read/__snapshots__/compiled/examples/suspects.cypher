// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query Suspects {
//   incident(id: "coupang-breach-2025") {
//     suspicions {
//       status
//       description
//       identifiedBy {
//         __typename
//         ... on Authority {
//           id
//           name
//           kind
//         }
//         ... on Company {
//           id
//           name
//         }
//       }
//       person {
//         id
//         name
//         description
//         nationality {
//           code
//           name
//         }
//         formerEmployers {
//           id
//           name
//         }
//         sources {
//           ...Src
//         }
//       }
//       sources {
//         ...Src
//       }
//     }
//   }
// }
//
// fragment Src on SourceRef {
//   attribution
//   attributedTo {
//     __typename
//     ... on Person {
//       id
//       personName: name
//     }
//     ... on Publisher {
//       id
//       name
//     }
//     ... on Company {
//       id
//       name
//     }
//     ... on Authority {
//       id
//       name
//     }
//   }
//   about
//   source {
//     id
//     title
//     url
//     publishedOn {
//       iso
//       precision
//     }
//     dateNote
//     publisher {
//       id
//       name
//     }
//   }
// }
//
// 3 queries sent.

// ---- 1/3: Query.incident
// Parameters:
// {
//   "p2_id": "coupang-breach-2025"
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
MATCH (this)<-[:IN_INCIDENT]-(n:Suspicion)
WITH *, n AS _x7
ORDER BY n.id
WITH _x7
WITH *, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)<-[:IDENTIFIED]-(n)
WITH *, n AS _xb
ORDER BY n.id
RETURN [_xb.id, labels(_xb), _xb.name, _xb.kind] AS _v9
}
RETURN _v9
} AS _w8, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)<-[:SUBJECT_OF]-(n:Person)
WITH *, n AS _xf
ORDER BY n.id
LIMIT 1
WITH _xf
WITH *, COLLECT {
CALL (_xf) {
WITH _xf AS this
MATCH (this)-[:NATIONAL_OF]->(n:Country)
WITH *, n AS _xj
ORDER BY n.id
LIMIT 1
RETURN [_xj.id, _xj.name] AS _vh
}
RETURN _vh
} AS _wg, COLLECT {
CALL (_xf) {
WITH _xf AS this
MATCH (this)-[:FORMERLY_EMPLOYED_BY]->(n:Company)
WITH *, n AS _xn
ORDER BY n.id
RETURN [_xn.id, _xn.name] AS _vl
}
RETURN _vl
} AS _wk, COLLECT {
CALL (_xf) {
WITH _xf AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xr, r.attribution AS _xs, who AS _xt, coalesce(r.about, []) AS _xu
ORDER BY n.publishedOn, n.id, r.attribution
WITH _xr, _xs, _xt, _xu
WITH *, COLLECT {
CALL (_xr) {
WITH _xr AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _xy
ORDER BY n.id
LIMIT 1
RETURN [_xy.id, _xy.name] AS _vw
}
RETURN _vw
} AS _wv
RETURN [[_xr.id, _xr.title, _xr.url, _xr.publishedOn, _xr.dateNote, _wv[0]], _xs, [_xt.id, labels(_xt), _xt.name], _xu] AS _vp
}
RETURN _vp
} AS _wo
RETURN [_xf.id, _xf.name, _xf.description, _wg[0], _wk, _wo] AS _vd
}
RETURN _vd
} AS _wc, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _x12, r.attribution AS _x13, who AS _x14, coalesce(r.about, []) AS _x15
ORDER BY n.publishedOn, n.id, r.attribution
WITH _x12, _x13, _x14, _x15
WITH *, COLLECT {
CALL (_x12) {
WITH _x12 AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _x19
ORDER BY n.id
LIMIT 1
RETURN [_x19.id, _x19.name] AS _v17
}
RETURN _v17
} AS _w16
RETURN [[_x12.id, _x12.title, _x12.url, _x12.publishedOn, _x12.dateNote, _w16[0]], _x13, [_x14.id, labels(_x14), _x14.name], _x15] AS _v10
}
RETURN _v10
} AS _wz
RETURN [_x7.id, _x7.status, _x7.description, _w8, _wc[0], _wz] AS _v5
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
