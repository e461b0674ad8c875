// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// {
//   incidents(
//     filter: {country: "KR"}
//     orderBy: [{field: ACCOUNTS_AFFECTED, direction: DESC}]
//     first: 20
//   ) {
//     edges {
//       node {
//         id
//         title
//         company {
//           name
//         }
//       }
//     }
//     pageInfo {
//       endCursor
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
//     "country": "KR",
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
//   "p0_limit": 21,
//   "p7_ids": [
//     "KR"
//   ]
// }
CALL () {
MATCH (n:Incident)
WITH n WHERE (EXISTS { (n)-[:IN_COUNTRY]->(:Country {id: $p0_f.country}) })
  AND n.sortAccounts IS NOT NULL
WITH n ORDER BY n.sortAccounts DESC, n.id DESC
LIMIT $p0_limit
WITH n AS _x1, [n.sortAccounts, n.id] AS sortKey
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
RETURN {node: [_x1.id, _x1.title, _w3[0]], sortKey: sortKey} AS _v2
}
RETURN 0 AS k, _v2 AS v
UNION ALL
CALL () {
// Which of $ids name no Country: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $p7_ids WHERE NOT EXISTS { MATCH (:Country {id: id}) }] AS missing
}
RETURN 1 AS k, missing AS v
