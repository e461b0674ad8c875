// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query Aggregates {
//   stats {
//     finesByAuthorityAndYear {
//       authority {
//         id
//         name
//       }
//       year
//       totals {
//         currency
//         count
//         sum {
//           amount
//           display
//         }
//       }
//     }
//     incidentsByDataCategory {
//       category {
//         id
//         name
//       }
//       incidents
//     }
//     largestIncidents(first: 5) {
//       id
//       title
//       accountsAffected {
//         value
//         unit
//       }
//     }
//     incidentsByCountryAndYear {
//       country {
//         code
//       }
//       year
//       incidents
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.stats
// Parameters:
// {
//   "p6_authority": null,
//   "p6_fromYear": null,
//   "p6_toYear": null,
//   "p6_currency": null,
//   "p6_minAmountKey": null,
//   "ph_metric": "ACCOUNTS_AFFECTED",
//   "ph_first": 5,
//   "pp_country": null
// }
WITH COLLECT {
CALL () {
WITH true AS stats
WITH *, stats AS _x3
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL () {
MATCH (a:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amount IS NOT NULL AND ($p6_authority IS NULL OR a.id = $p6_authority)
  AND ($p6_fromYear IS NULL OR f.year >= $p6_fromYear) AND ($p6_toYear IS NULL OR f.year <= $p6_toYear)
  AND ($p6_currency IS NULL OR f.currency = $p6_currency) AND ($p6_minAmountKey IS NULL OR f.amountKey >= $p6_minAmountKey)
WITH a, f.year AS year, f.currency AS currency, collect(f.amount) AS amounts
ORDER BY currency
WITH a, year, collect({currency: currency, amounts: amounts}) AS totals
WITH *, a AS _x7, year AS _x8, totals AS _x9
ORDER BY a.name, year
RETURN [[_x7.id, _x7.name], _x8, _x9] AS _v5
}
RETURN _v5
} AS _w4, COLLECT {
CALL () {
MATCH (d:DataCategory)
WITH d, coalesce(d.exposedIncidents, 0) AS incidents
WITH *, d AS _xd, incidents AS _xe
ORDER BY incidents DESC, d.name
RETURN [[_xd.id, _xd.name], _xe] AS _vb
}
RETURN _vb
} AS _wa, COLLECT {
CALL () {
CALL () {
  WITH $ph_metric AS metric WHERE metric = 'RECORDS_EXPOSED'
  MATCH (n:Incident) WHERE n.sortRecords >= 0
  WITH n, n.sortRecords AS size ORDER BY size DESC, n.id LIMIT $ph_first
  RETURN n, size
  UNION ALL
  WITH $ph_metric AS metric WHERE metric = 'PEOPLE_AFFECTED'
  MATCH (n:Incident) WHERE n.sortPeople >= 0
  WITH n, n.sortPeople AS size ORDER BY size DESC, n.id LIMIT $ph_first
  RETURN n, size
  UNION ALL
  WITH $ph_metric AS metric WHERE NOT metric IN ['RECORDS_EXPOSED', 'PEOPLE_AFFECTED']
  MATCH (n:Incident) WHERE n.sortAccounts >= 0
  WITH n, n.sortAccounts AS size ORDER BY size DESC, n.id LIMIT $ph_first
  RETURN n, size
}
WITH *, n AS _xi
ORDER BY size DESC, n.id
LIMIT $ph_first
WITH _xi
WITH *, COLLECT {
CALL (_xi) {
WITH _xi AS this
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WHERE n.id = this.accountsAffectedEstimate
WITH *, n AS _xm
LIMIT 1
RETURN [_xm.id, _xm.value, _xm.unit] AS _vk
}
RETURN _vk
} AS _wj
RETURN [_xi.id, _xi.title, _wj[0]] AS _vg
}
RETURN _vg
} AS _wf, COLLECT {
CALL () {
MATCH (n:Incident)-[:IN_COUNTRY]->(c:Country)
WHERE $pp_country IS NULL OR c.id = $pp_country
WITH c, n.year AS year, count(n) AS incidents
WITH *, c AS _xq, year AS _xr, incidents AS _xs
ORDER BY c.name, year
RETURN [[_xq.id], _xr, _xs] AS _vo
}
RETURN _vo
} AS _wn
RETURN [_w4, _wa, _wf, _wn, _x3] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v
