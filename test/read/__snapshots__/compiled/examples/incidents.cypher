// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query Incidents {
//   incidents(first: 10) {
//     totalCount
//     edges {
//       node {
//         id
//         title
//         accessStart {
//           iso
//           precision
//         }
//         company {
//           id
//           name
//         }
//       }
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.incidents
// Parameters:
// {
//   "p0_f": {
//     "company": null,
//     "authority": null,
//     "categories": null,
//     "country": null,
//     "kind": null,
//     "minAccounts": null,
//     "hasFine": null,
//     "hasSuspect": null,
//     "disclosedFrom": "0000-01-01",
//     "disclosedTo": "9999-12-31",
//     "disclosedFromYear": "0000",
//     "accessedFrom": "0000-01-01",
//     "accessedTo": "9999-12-31",
//     "accessedFromYear": "0000"
//   },
//   "p0_limit": 11
// }
CALL () {
MATCH (n:Incident)
WITH n WHERE n.id IS NOT NULL
WITH n ORDER BY n.id ASC
LIMIT $p0_limit
WITH n AS _x1, [n.id] AS sortKey
WITH *, COLLECT {
CALL (_x1) {
WITH _x1 AS this
MATCH (this)-[:AFFECTED]->(n:Company)
WITH *, n AS _x6
ORDER BY n.id
LIMIT 1
RETURN [_x6.id, _x6.name] AS _v4
}
RETURN _v4
} AS _w3
RETURN {node: [_x1.id, _x1.title, _x1.accessStart, _x1.accessStartAsReported, _w3[0]], sortKey: sortKey} AS _v2
}
RETURN 0 AS k, _v2 AS v
UNION ALL
CALL () {
MATCH (n:Incident)
RETURN count(n) AS total
}
RETURN 1 AS k, total AS v
