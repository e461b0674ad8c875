// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query LargestGdprFines {
//   fines(
//     filter: {currency: "EUR"}
//     orderBy: [{field: AMOUNT, direction: DESC}]
//     first: 10
//   ) {
//     totalCount
//     edges {
//       node {
//         id
//         amount {
//           amount
//           currency
//           display
//         }
//         date {
//           iso
//           precision
//           asReported
//         }
//         authority {
//           id
//           name
//           country {
//             code
//             name
//           }
//         }
//         company {
//           id
//           name
//           aliases
//         }
//         reason
//         reports {
//           sources {
//             attribution
//             source {
//               id
//               title
//               url
//               kind
//             }
//           }
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
//     "currency": "EUR",
//     "year": null,
//     "minAmountKey": null,
//     "sortAmountFrom": null,
//     "sortAmountTo": null
//   },
//   "p0_limit": 11
// }
CALL () {
MATCH (n:Fine)
WITH n WHERE (n.currency = $p0_f.currency)
  AND n.sortAmount IS NOT NULL
WITH n ORDER BY n.sortAmount DESC, n.id DESC
LIMIT $p0_limit
WITH n AS _x1, [n.sortAmount, n.id] AS sortKey
WITH *, COLLECT {
CALL (_x1) {
WITH _x1 AS this
MATCH (this)<-[:IMPOSED]-(n:Authority)
WITH *, n AS _x6
ORDER BY n.id
LIMIT 1
WITH _x6
WITH *, COLLECT {
CALL (_x6) {
WITH _x6 AS this
MATCH (this)-[:IN_COUNTRY]->(c:Country)
WITH *, c AS _xa
LIMIT 1
RETURN [_xa.id, _xa.name] AS _v8
}
RETURN _v8
} AS _w7
RETURN [_x6.id, _x6.name, _w7[0]] AS _v4
}
RETURN _v4
} AS _w3, COLLECT {
CALL (_x1) {
WITH _x1 AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _xe
ORDER BY n.id
LIMIT 1
RETURN [_xe.id, _xe.name, _xe.aliases] AS _vc
}
RETURN _vc
} AS _wb, COLLECT {
CALL (_x1) {
WITH _x1 AS this
MATCH (this)-[:REPORTED_AS]->(n:FineReport)
WITH *, n AS _xi
ORDER BY n.date, n.id
WITH _xi
WITH *, COLLECT {
CALL (_xi) {
WITH _xi AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xm, r.attribution AS _xn, who AS _xo, coalesce(r.about, []) AS _xp
ORDER BY n.publishedOn, n.id, r.attribution
RETURN [[_xm.id, _xm.title, _xm.url, _xm.kind], _xn, _xp] AS _vk
}
RETURN _vk
} AS _wj
RETURN [_xi.id, _wj] AS _vg
}
RETURN _vg
} AS _wf
RETURN {node: [_x1.id, _x1.amount, _x1.currency, _x1.date, _x1.dateAsReported, _x1.reason, _w3[0], _wb[0], _wf], sortKey: sortKey} AS _v2
}
RETURN 0 AS k, _v2 AS v
UNION ALL
CALL () {
MATCH (n:Fine)
WHERE n.currency = $p0_f.currency
RETURN count(n) AS total
}
RETURN 1 AS k, total AS v
