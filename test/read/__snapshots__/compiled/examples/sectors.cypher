// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query Sectors {
//   sectors {
//     name
//     companyCount
//     incidentCount
//   }
//   companies(filter: {sector: "telecom"}, first: 10) {
//     totalCount
//     edges {
//       node {
//         id
//         name
//         sector
//         country {
//           code
//         }
//       }
//     }
//   }
//   fines(
//     filter: {country: "KR", date: {from: "2020"}, kind: [ADMINISTRATIVE_PENALTY, ADMINISTRATIVE_FINE]}
//     orderBy: [{field: DATE, direction: DESC}]
//     first: 10
//   ) {
//     totalCount
//     edges {
//       node {
//         id
//         kind
//         amount {
//           display
//         }
//         date {
//           iso
//         }
//         company {
//           name
//           sector
//         }
//       }
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.sectors + Query.companies + Query.fines
// Parameters:
// {
//   "p6_f": {
//     "country": null,
//     "sector": "telecom",
//     "hasFine": null
//   },
//   "p6_limit": 11,
//   "pd_f": {
//     "company": null,
//     "authority": null,
//     "currency": null,
//     "year": null,
//     "minAmountKey": null,
//     "sortAmountFrom": null,
//     "sortAmountTo": null,
//     "country": "KR",
//     "kinds": [
//       "ADMINISTRATIVE_PENALTY",
//       "ADMINISTRATIVE_FINE"
//     ],
//     "dateFrom": "2020-01-01",
//     "dateTo": "9999-12-31",
//     "dateFromYear": "2020"
//   },
//   "pd_limit": 11,
//   "pk_ids": [
//     "KR"
//   ]
// }
WITH COLLECT {
CALL () {
MATCH (c:Company) WHERE c.sector IS NOT NULL
OPTIONAL MATCH (c)<-[:AFFECTED]-(i:Incident)
WITH c.sector AS name, count(DISTINCT c) AS companyCount, count(DISTINCT i) AS incidentCount
WITH *, name AS _x3, companyCount AS _x4, incidentCount AS _x5
ORDER BY name
RETURN [_x3, _x4, _x5] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0 AS v
UNION ALL
CALL () {
MATCH (n:Company)
WITH n WHERE (// $f.sector is the filter lower-cased, letters and digits only (src/modules/organization/sector.ts).
// The stored sector is cut the same way into its words ("E-commerce": "e", "commerce") and read as
// one run of them ("ecommerce"); the filter must start either.
reduce(s = '', ch IN split(toLower(n.sector), '') | s + CASE WHEN ch =~ '[\\p{L}\\p{N}]' THEN ch ELSE '' END) STARTS WITH $p6_f.sector
  OR any(w IN reduce(ws = [''], ch IN split(toLower(n.sector), '') |
           CASE WHEN ch =~ '[\\p{L}\\p{N}]' THEN ws[..-1] + [ws[-1] + ch] ELSE ws + [''] END)
         WHERE w STARTS WITH $p6_f.sector))
  AND n.id IS NOT NULL
WITH n ORDER BY n.id ASC
LIMIT $p6_limit
WITH n AS _x7, [n.id] AS sortKey
WITH *, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[:IN_COUNTRY]->(c:Country)
WITH *, c AS _xc
LIMIT 1
RETURN [_xc.id] AS _va
}
RETURN _va
} AS _w9
RETURN {node: [_x7.id, _x7.name, _x7.sector, _w9[0]], sortKey: sortKey} AS _v8
}
RETURN 1 AS k, _v8 AS v
UNION ALL
CALL () {
MATCH (n:Company)
WITH n WHERE (// $f.sector is the filter lower-cased, letters and digits only (src/modules/organization/sector.ts).
// The stored sector is cut the same way into its words ("E-commerce": "e", "commerce") and read as
// one run of them ("ecommerce"); the filter must start either.
reduce(s = '', ch IN split(toLower(n.sector), '') | s + CASE WHEN ch =~ '[\\p{L}\\p{N}]' THEN ch ELSE '' END) STARTS WITH $p6_f.sector
  OR any(w IN reduce(ws = [''], ch IN split(toLower(n.sector), '') |
           CASE WHEN ch =~ '[\\p{L}\\p{N}]' THEN ws[..-1] + [ws[-1] + ch] ELSE ws + [''] END)
         WHERE w STARTS WITH $p6_f.sector))
RETURN count(n) AS total
}
RETURN 2 AS k, total AS v
UNION ALL
CALL () {
// The country's authorities, then the fines each imposed (one authority imposes a fine).
MATCH (:Country {id: $pd_f.country})<-[:IN_COUNTRY]-(:Authority)-[:IMPOSED]->(n:Fine)
WITH n WHERE (// A partial date compares by its first day: "2020-10" is 2020-10-01.
n.date + substring('-01-01', size(n.date) - 4) >= $pd_f.dateFrom
  AND n.date + substring('-01-01', size(n.date) - 4) <= $pd_f.dateTo)
  AND (n.kind IN $pd_f.kinds)
WITH n ORDER BY n.sortDate DESC, n.id DESC
LIMIT $pd_limit
WITH n AS _xe, [n.sortDate, n.id] AS sortKey
WITH *, COLLECT {
CALL (_xe) {
WITH _xe AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _xj
ORDER BY n.id
LIMIT 1
RETURN [_xj.id, _xj.name, _xj.sector] AS _vh
}
RETURN _vh
} AS _wg
RETURN {node: [_xe.id, _xe.kind, _xe.amount, _xe.currency, _xe.date, _xe.dateAsReported, _wg[0]], sortKey: sortKey} AS _vf
}
RETURN 3 AS k, _vf AS v
UNION ALL
CALL () {
// The country's authorities, then the fines each imposed (one authority imposes a fine).
MATCH (:Country {id: $pd_f.country})<-[:IN_COUNTRY]-(:Authority)-[:IMPOSED]->(n:Fine)
WITH n WHERE (// A partial date compares by its first day: "2020-10" is 2020-10-01.
n.date + substring('-01-01', size(n.date) - 4) >= $pd_f.dateFrom
  AND n.date + substring('-01-01', size(n.date) - 4) <= $pd_f.dateTo)
  AND (n.kind IN $pd_f.kinds)
RETURN count(n) AS total
}
RETURN 4 AS k, total AS v
UNION ALL
CALL () {
// Which of $ids name no Country: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $pk_ids WHERE NOT EXISTS { MATCH (:Country {id: id}) }] AS missing
}
RETURN 5 AS k, missing AS v
