// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query Officials {
//   incident(id: "coupang-breach-2025") {
//     statements {
//       kind
//       quote
//       summary
//       speaker {
//         id
//         name
//       }
//       onBehalfOf {
//         __typename
//         ... on Company {
//           id
//           name
//         }
//         ... on Authority {
//           id
//           name
//         }
//       }
//       sources {
//         ...Src
//       }
//     }
//     events {
//       id
//       kind
//       title
//       date {
//         iso
//         precision
//         asReported
//       }
//       organizer {
//         __typename
//         ... on Company {
//           id
//         }
//         ... on Authority {
//           id
//         }
//       }
//       attendees {
//         role
//         person {
//           id
//           name
//           positions {
//             title
//             acting
//             organization {
//               __typename
//               ... on Authority {
//                 id
//                 name
//               }
//               ... on Company {
//                 id
//                 name
//               }
//             }
//             sources {
//               ...Src
//             }
//           }
//         }
//       }
//       sources {
//         ...Src
//       }
//     }
//   }
//   person(id: "park-dae-jun") {
//     name
//     positions {
//       title
//       organization {
//         ... on Company {
//           id
//           name
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
// 5 queries sent.

// ---- 1/5: Query.incident + Query.person
// Parameters:
// {
//   "p2_id": "coupang-breach-2025",
//   "p6_first": 9007199254740991,
//   "pt_first": 9007199254740991,
//   "p21_id": "park-dae-jun"
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
MATCH (this)<-[:ABOUT]-(n:Statement)
WITH *, n AS _x7
ORDER BY n.date, n.id
LIMIT $p6_first
WITH _x7
WITH *, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)<-[:MADE]-(n:Person)
WITH *, n AS _xb
ORDER BY n.id
LIMIT 1
RETURN [_xb.id, _xb.name] AS _v9
}
RETURN _v9
} AS _w8, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[:ON_BEHALF_OF]->(n)
WITH *, n AS _xf
ORDER BY n.id
LIMIT 1
RETURN [_xf.id, labels(_xf), _xf.name] AS _vd
}
RETURN _vd
} AS _wc, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xj, r.attribution AS _xk, who AS _xl, coalesce(r.about, []) AS _xm
ORDER BY n.publishedOn, n.id, r.attribution
WITH _xj, _xk, _xl, _xm
WITH *, COLLECT {
CALL (_xj) {
WITH _xj AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _xq
ORDER BY n.id
LIMIT 1
RETURN [_xq.id, _xq.name] AS _vo
}
RETURN _vo
} AS _wn
RETURN [[_xj.id, _xj.title, _xj.url, _xj.publishedOn, _xj.dateNote, _wn[0]], _xk, [_xl.id, labels(_xl), _xl.name], _xm] AS _vh
}
RETURN _vh
} AS _wg
RETURN [_x7.id, _x7.kind, _x7.quote, _x7.summary, _w8[0], _wc[0], _wg] AS _v5
}
RETURN _v5
} AS _w4, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)<-[:CONCERNS]-(n:Event)
WITH *, n AS _xu
ORDER BY n.date, n.id
LIMIT $pt_first
WITH _xu
WITH *, COLLECT {
CALL (_xu) {
WITH _xu AS this
MATCH (this)<-[:ORGANIZED]-(n)
WITH *, n AS _xy
ORDER BY n.id
LIMIT 1
RETURN [_xy.id, labels(_xy)] AS _vw
}
RETURN _vw
} AS _wv, COLLECT {
CALL (_xu) {
WITH _xu AS this
MATCH (this)<-[r:ATTENDED]-(p:Person)
WITH *, p AS _x12, this AS _x13, r.role AS _x14
ORDER BY r.order, p.id
WITH _x12, _x13, _x14
WITH *, COLLECT {
CALL (_x12) {
WITH _x12 AS this
MATCH (this)-[:HOLDS]->(n:Position)
WITH *, n AS _x18
ORDER BY n.since, n.id
WITH _x18
WITH *, COLLECT {
CALL (_x18) {
WITH _x18 AS this
MATCH (this)-[:AT]->(n)
WITH *, n AS _x1c
ORDER BY n.id
LIMIT 1
RETURN [_x1c.id, labels(_x1c), _x1c.name] AS _v1a
}
RETURN _v1a
} AS _w19, COLLECT {
CALL (_x18) {
WITH _x18 AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _x1g, r.attribution AS _x1h, who AS _x1i, coalesce(r.about, []) AS _x1j
ORDER BY n.publishedOn, n.id, r.attribution
WITH _x1g, _x1h, _x1i, _x1j
WITH *, COLLECT {
CALL (_x1g) {
WITH _x1g AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _x1n
ORDER BY n.id
LIMIT 1
RETURN [_x1n.id, _x1n.name] AS _v1l
}
RETURN _v1l
} AS _w1k
RETURN [[_x1g.id, _x1g.title, _x1g.url, _x1g.publishedOn, _x1g.dateNote, _w1k[0]], _x1h, [_x1i.id, labels(_x1i), _x1i.name], _x1j] AS _v1e
}
RETURN _v1e
} AS _w1d
RETURN [_x18.id, _x18.title, _x18.acting, _w19[0], _w1d] AS _v16
}
RETURN _v16
} AS _w15
RETURN [[_x12.id, _x12.name, _w15], _x14] AS _v10
}
RETURN _v10
} AS _wz, COLLECT {
CALL (_xu) {
WITH _xu AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _x1r, r.attribution AS _x1s, who AS _x1t, coalesce(r.about, []) AS _x1u
ORDER BY n.publishedOn, n.id, r.attribution
WITH _x1r, _x1s, _x1t, _x1u
WITH *, COLLECT {
CALL (_x1r) {
WITH _x1r AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _x1y
ORDER BY n.id
LIMIT 1
RETURN [_x1y.id, _x1y.name] AS _v1w
}
RETURN _v1w
} AS _w1v
RETURN [[_x1r.id, _x1r.title, _x1r.url, _x1r.publishedOn, _x1r.dateNote, _w1v[0]], _x1s, [_x1t.id, labels(_x1t), _x1t.name], _x1u] AS _v1p
}
RETURN _v1p
} AS _w1o
RETURN [_xu.id, _xu.kind, _xu.title, _xu.date, _xu.dateAsReported, _wv[0], _wz, _w1o] AS _vs
}
RETURN _vs
} AS _wr
RETURN [_x3.id, _w4, _wr] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v
UNION ALL
WITH COLLECT {
CALL () {
OPTIONAL MATCH (:Redirect {id: $p21_id})-[:MERGED_INTO*1..8]->(merged:Entity)
MATCH (n:Person {id: coalesce(merged.id, $p21_id)})
WITH *, n AS _x22
LIMIT 1
WITH _x22
WITH *, COLLECT {
CALL (_x22) {
WITH _x22 AS this
MATCH (this)-[:HOLDS]->(n:Position)
WITH *, n AS _x26
ORDER BY n.since, n.id
WITH _x26
WITH *, COLLECT {
CALL (_x26) {
WITH _x26 AS this
MATCH (this)-[:AT]->(n)
WITH *, n AS _x2a
ORDER BY n.id
LIMIT 1
RETURN [_x2a.id, labels(_x2a), _x2a.name] AS _v28
}
RETURN _v28
} AS _w27, COLLECT {
CALL (_x26) {
WITH _x26 AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _x2e, r.attribution AS _x2f, who AS _x2g, coalesce(r.about, []) AS _x2h
ORDER BY n.publishedOn, n.id, r.attribution
WITH _x2e, _x2f, _x2g, _x2h
WITH *, COLLECT {
CALL (_x2e) {
WITH _x2e AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _x2l
ORDER BY n.id
LIMIT 1
RETURN [_x2l.id, _x2l.name] AS _v2j
}
RETURN _v2j
} AS _w2i
RETURN [[_x2e.id, _x2e.title, _x2e.url, _x2e.publishedOn, _x2e.dateNote, _w2i[0]], _x2f, [_x2g.id, labels(_x2g), _x2g.name], _x2h] AS _v2c
}
RETURN _v2c
} AS _w2b
RETURN [_x26.id, _x26.title, _w27[0], _w2b] AS _v24
}
RETURN _v24
} AS _w23
RETURN [_x22.id, _x22.name, _w23] AS _v20
}
RETURN _v20
} AS _v1z
RETURN 1 AS k, _v1z[0] AS v

// ---- 2/5: common/labelsOf
// Parameters:
// {
//   "id": "coupang-breach-2025"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 3/5: common/labelsOf
// Parameters:
// {
//   "id": "park-dae-jun"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 4/5: common/suggest/Incident
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

// ---- 5/5: common/suggest/Person
// Parameters:
// {
//   "variants": [
//     "park-dae-jun",
//     "PARK-DAE-JUN"
//   ],
//   "lowerPrefix": "pa",
//   "upperPrefix": "PA"
// }
// Candidates for an unknown Person id, only on the error path (src/read/suggest.ts): the id's case and
// slug variants, and ids sharing its first characters, through the id index; never a scan of all.
CALL () {
  MATCH (n:Person) WHERE n.id IN $variants
  RETURN n
  UNION
  MATCH (n:Person) WHERE n.id STARTS WITH $lowerPrefix
  RETURN n LIMIT 500
  UNION
  MATCH (n:Person) WHERE n.id STARTS WITH $upperPrefix
  RETURN n LIMIT 500
}
RETURN n.id AS id, [x IN [n.name] + coalesce(n.aliases, []) WHERE x IS NOT NULL] AS names
