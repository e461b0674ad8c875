// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query ($company: ID!) {
//   incidents(
//     filter: {company: $company}
//     orderBy: [{field: ID, direction: ASC}]
//     first: 20
//   ) {
//     edges {
//       node {
//         id
//         title
//         kind
//         accessStart {
//           iso
//         }
//         disclosedOn {
//           iso
//         }
//       }
//     }
//   }
// }
//
// Variables:
// {
//   "company": "syn-company-0000042"
// }
//
// 1 query sent.

// ---- 1/1: Query.incidents
// Parameters:
// {
//   "p0_f": {
//     "company": "syn-company-0000042",
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
//   "p0_limit": 21,
//   "p3_ids": [
//     "syn-company-0000042"
//   ]
// }
CALL () {
MATCH (:Company {id: $p0_f.company})<-[:AFFECTED]-(n:Incident)
WITH n ORDER BY n.id ASC
LIMIT $p0_limit
WITH n AS _x1, [n.id] AS sortKey
RETURN {node: [_x1.id, _x1.title, _x1.kind, _x1.accessStart, _x1.accessStartAsReported, _x1.disclosedOn, _x1.disclosedOnAsReported], sortKey: sortKey} AS _v2
}
RETURN 0 AS k, _v2 AS v
UNION ALL
CALL () {
// Which of $ids name no Company: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $p3_ids WHERE NOT EXISTS { MATCH (:Company {id: id}) }] AS missing
}
RETURN 1 AS k, missing AS v
