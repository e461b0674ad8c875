// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query WhoSaidWhat {
//   statements(
//     filter: {person: "bae-kyung-hoon"}
//     orderBy: [{field: DATE, direction: DESC}]
//     first: 10
//   ) {
//     totalCount
//     edges {
//       node {
//         kind
//         quote
//         summary
//         date {
//           iso
//           precision
//         }
//         reportedOn {
//           iso
//           precision
//         }
//         onBehalfOf {
//           __typename
//           ... on Authority {
//             id
//             name
//           }
//           ... on Company {
//             id
//             name
//           }
//         }
//         incident {
//           id
//           title
//         }
//         sources {
//           attribution
//           source {
//             id
//             url
//             publishedOn {
//               iso
//             }
//           }
//         }
//       }
//     }
//   }
//   events(filter: {person: "bae-kyung-hoon"}) {
//     edges {
//       node {
//         title
//         date {
//           iso
//           precision
//           asReported
//         }
//         attendees {
//           person {
//             name
//           }
//           role
//         }
//       }
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.statements + Query.events
// Parameters:
// {
//   "p0_f": {
//     "person": "bae-kyung-hoon",
//     "incident": null,
//     "organization": null,
//     "kind": null,
//     "from": "0000-01-01",
//     "to": "9999-12-31"
//   },
//   "p0_limit": 11,
//   "pi_ids": [
//     "bae-kyung-hoon"
//   ],
//   "pj_f": {
//     "person": "bae-kyung-hoon",
//     "incident": null,
//     "organization": null,
//     "kind": null,
//     "from": "0000-01-01",
//     "to": "9999-12-31"
//   },
//   "pj_limit": 21,
//   "ps_ids": [
//     "bae-kyung-hoon"
//   ]
// }
CALL () {
MATCH (:Person {id: $p0_f.person})-[:MADE]->(n:Statement)
WITH DISTINCT n
WITH n ORDER BY n.sortDate DESC, n.id DESC
LIMIT $p0_limit
WITH n AS _x1, [n.sortDate, n.id] AS sortKey
WITH *, COLLECT {
CALL (_x1) {
WITH _x1 AS this
MATCH (this)-[:ON_BEHALF_OF]->(n)
WITH *, n AS _x6
ORDER BY n.id
LIMIT 1
RETURN [_x6.id, labels(_x6), _x6.name] AS _v4
}
RETURN _v4
} AS _w3, COLLECT {
CALL (_x1) {
WITH _x1 AS this
MATCH (this)-[:ABOUT]->(n:Incident)
WITH *, n AS _xa
ORDER BY n.id
LIMIT 1
RETURN [_xa.id, _xa.title] AS _v8
}
RETURN _v8
} AS _w7, COLLECT {
CALL (_x1) {
WITH _x1 AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xe, r.attribution AS _xf, who AS _xg, coalesce(r.about, []) AS _xh
ORDER BY n.publishedOn, n.id, r.attribution
RETURN [[_xe.id, _xe.url, _xe.publishedOn], _xf, _xh] AS _vc
}
RETURN _vc
} AS _wb
RETURN {node: [_x1.id, _x1.kind, _x1.quote, _x1.summary, _x1.date, _x1.dateAsReported, _x1.reportedOn, _w3[0], _w7[0], _wb], sortKey: sortKey} AS _v2
}
RETURN 0 AS k, _v2 AS v
UNION ALL
CALL () {
MATCH (:Person {id: $p0_f.person})-[:MADE]->(n:Statement)
WITH DISTINCT n
RETURN count(n) AS total
}
RETURN 1 AS k, total AS v
UNION ALL
CALL () {
// Which of $ids name no Entity: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $pi_ids WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS missing
}
RETURN 2 AS k, missing AS v
UNION ALL
CALL () {
MATCH (:Person {id: $pj_f.person})-[:ATTENDED]->(n:Event)
WITH DISTINCT n
WITH n ORDER BY n.id ASC
LIMIT $pj_limit
WITH n AS _xk, [n.id] AS sortKey
WITH *, COLLECT {
CALL (_xk) {
WITH _xk AS this
MATCH (this)<-[r:ATTENDED]-(p:Person)
WITH *, p AS _xp, this AS _xq, r.role AS _xr
ORDER BY r.order, p.id
RETURN [[_xp.id, _xp.name], _xr] AS _vn
}
RETURN _vn
} AS _wm
RETURN {node: [_xk.id, _xk.title, _xk.date, _xk.dateAsReported, _wm], sortKey: sortKey} AS _vl
}
RETURN 3 AS k, _vl AS v
UNION ALL
CALL () {
// Which of $ids name no Entity: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $ps_ids WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS missing
}
RETURN 4 AS k, missing AS v
