// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// {
//   incidents(first: 50, orderBy: [{field: ID, direction: ASC}]) {
//     edges {
//       node {
//         id
//         investigations {
//           id
//           authorities {
//             id
//             finesImposed {
//               id
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
//   "p0_limit": 51,
//   "p5_first": 9007199254740991,
//   "pd_order": null,
//   "pd_from": null,
//   "pd_to": null,
//   "pd_first": 9007199254740991
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
MATCH (this)<-[:INTO]-(n:Investigation)
WITH *, n AS _x6
ORDER BY n.openedOn, n.id
LIMIT $p5_first
WITH _x6
WITH *, COLLECT {
CALL (_x6) {
WITH _x6 AS this
MATCH (this)<-[:CONDUCTS]-(n:Authority)
WITH *, n AS _xa
ORDER BY n.name
WITH _xa
WITH *, COLLECT {
CALL (_xa) {
WITH _xa AS this
WITH this, coalesce($pd_order = 'NEWEST_FIRST' AND $pd_from IS NULL AND $pd_to IS NULL
                   AND ($pd_first <= 25 OR size(this.newestFineIds) < 25), false) AS stored
CALL (this, stored) {
  WITH this WHERE stored
  UNWIND this.newestFineIds AS fineId
  MATCH (f:Fine {id: fineId})
  WHERE (this)-[:IMPOSED]->(f)
  RETURN f
  LIMIT $pd_first
  UNION ALL
  WITH this WHERE NOT stored
  MATCH (this)-[:IMPOSED]->(f:Fine)
  RETURN f
}
WITH f, CASE WHEN $pd_order IS NULL AND $pd_from IS NULL AND $pd_to IS NULL THEN null ELSE split(f.date, '/')[0] END AS dated
WITH f, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
WHERE ($pd_from IS NULL OR day >= $pd_from) AND ($pd_to IS NULL OR day <= $pd_to)
WITH *, f AS _xe
ORDER BY CASE WHEN $pd_order = 'NEWEST_FIRST' AND day IS NULL THEN 1 ELSE 0 END,
         CASE WHEN $pd_order = 'OLDEST_FIRST' THEN coalesce(day, '') END,
         CASE WHEN $pd_order = 'NEWEST_FIRST' THEN day END DESC,
         CASE WHEN $pd_order IN ['OLDEST_FIRST', 'NEWEST_FIRST'] THEN size(dated) END DESC,
         CASE WHEN $pd_order = 'SMALLEST_FIRST' THEN f.sortAmount END,
         CASE WHEN $pd_order = 'LARGEST_FIRST' THEN f.sortAmount END DESC,
         f.id
LIMIT $pd_first
WITH _xe
WITH *, COLLECT {
CALL (_xe) {
WITH _xe AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _xi
ORDER BY n.id
LIMIT 1
RETURN [_xi.id, _xi.name] AS _vg
}
RETURN _vg
} AS _wf
RETURN [_xe.id, _wf[0]] AS _vc
}
RETURN _vc
} AS _wb
RETURN [_xa.id, _wb] AS _v8
}
RETURN _v8
} AS _w7
RETURN [_x6.id, _w7] AS _v4
}
RETURN _v4
} AS _w3
RETURN {node: [_x1.id, _w3], sortKey: sortKey} AS _v2
}
RETURN 0 AS k, _v2 AS v
