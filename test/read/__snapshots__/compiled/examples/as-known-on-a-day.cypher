// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query AsKnownOnADay($day: PartialDateString = "2025-11-25") {
//   then: incident(id: "coupang-breach-2025", asOf: $day) {
//     title
//     knownOn
//     recordsExposed {
//       value
//       unit
//       sources {
//         source {
//           title
//           publishedOn {
//             iso
//           }
//         }
//       }
//     }
//     accountsAffected {
//       value
//       unit
//     }
//   }
//   now: incident(id: "coupang-breach-2025") {
//     accountsAffected {
//       value
//       unit
//       qualifier
//     }
//     figureTimeline {
//       metric
//       day
//       summary
//       basis {
//         rule
//       }
//       estimate {
//         sources {
//           source {
//             url
//             publishedOn {
//               iso
//             }
//           }
//         }
//       }
//     }
//   }
//   pipcFinesThen: fines(
//     filter: {authority: "pipc"}
//     asOf: $day
//     orderBy: [{field: DATE, direction: DESC}]
//     first: 5
//   ) {
//     totalCount
//     edges {
//       node {
//         id
//         date {
//           iso
//         }
//         amount {
//           display
//         }
//         company {
//           name
//         }
//       }
//     }
//   }
// }
//
// 6 queries sent.

// ---- 1/6: asof/earliest
// Parameters:
// {}
// The first day on which anything in the graph counts as known (knownOn, seeds/99-derived-values.cypher),
// from its index: an asOf before it is refused, the graph held nothing then (src/read/asOf.ts).
MATCH (n:Entity) WHERE n.knownOn IS NOT NULL
RETURN n.knownOn AS day
ORDER BY day
LIMIT 1

// ---- 2/6: Query.incident + Query.incident + Query.fines
// Parameters:
// {
//   "p2_id": "coupang-breach-2025",
//   "p6_asOf": "2025-11-25",
//   "pf_asOf": "2025-11-25",
//   "pi_asOf": "2025-11-25",
//   "pm_id": "coupang-breach-2025",
//   "pu_asOf": null,
//   "p1b_f": {
//     "company": null,
//     "authority": "pipc",
//     "currency": null,
//     "year": null,
//     "minAmountKey": null,
//     "sortAmountFrom": null,
//     "sortAmountTo": null
//   },
//   "p1b_limit": 6,
//   "p1b_asOf": "2025-11-25",
//   "p1i_ids": [
//     "pipc"
//   ]
// }
WITH COLLECT {
CALL () {
OPTIONAL MATCH (:Redirect {id: $p2_id})-[:MERGED_INTO*1..8]->(merged:Entity)
MATCH (n:Incident {id: coalesce(merged.id, $p2_id)})
WITH *, n AS _x3
WITH * WHERE _x3.knownOn <= $pf_asOf
WITH *
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WHERE n.id = CASE WHEN $p6_asOf IS NULL THEN this.recordsExposedEstimate
  ELSE [k IN range(size(coalesce(this.recordsExposedChanges, [])) - 1, 0, -1) WHERE this.recordsExposedChanges[k] <= $p6_asOf | this.recordsExposedChangeIds[k]][0] END
WITH *, n AS _x7
WITH * WHERE _x7.knownOn <= $pf_asOf
WITH *
LIMIT 1
WITH _x7
WITH *, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xb, r.attribution AS _xc, who AS _xd, coalesce(r.about, []) AS _xe
WITH * WHERE (_xb IS NULL OR _xb.knownOn <= $pf_asOf) AND (_xd IS NULL OR _xd.knownOn <= $pf_asOf)
WITH *
ORDER BY n.publishedOn, n.id, r.attribution
RETURN [[_xb.id, _xb.title, _xb.publishedOn], _xc, _xe] AS _v9
}
RETURN _v9
} AS _w8
RETURN [_x7.id, _x7.value, _x7.unit, _w8] AS _v5
}
RETURN _v5
} AS _w4, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WHERE n.id = CASE WHEN $pi_asOf IS NULL THEN this.accountsAffectedEstimate
  ELSE [k IN range(size(coalesce(this.accountsAffectedChanges, [])) - 1, 0, -1) WHERE this.accountsAffectedChanges[k] <= $pi_asOf | this.accountsAffectedChangeIds[k]][0] END
WITH *, n AS _xj
WITH * WHERE _xj.knownOn <= $pf_asOf
WITH *
LIMIT 1
RETURN [_xj.id, _xj.value, _xj.unit] AS _vh
}
RETURN _vh
} AS _wg
RETURN [_x3.id, _x3.title, _x3.knownOn, _w4[0], _wg[0]] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v
UNION ALL
WITH COLLECT {
CALL () {
OPTIONAL MATCH (:Redirect {id: $pm_id})-[:MERGED_INTO*1..8]->(merged:Entity)
MATCH (n:Incident {id: coalesce(merged.id, $pm_id)})
WITH *, n AS _xn
LIMIT 1
WITH _xn
WITH *, COLLECT {
CALL (_xn) {
WITH _xn AS this
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WHERE n.id = this.accountsAffectedEstimate
WITH *, n AS _xr
LIMIT 1
RETURN [_xr.id, _xr.value, _xr.unit, _xr.qualifier] AS _vp
}
RETURN _vp
} AS _wo, COLLECT {
CALL (_xn) {
WITH _xn AS this
UNWIND [['ACCOUNTS_AFFECTED', this.accountsAffectedChanges, this.accountsAffectedChangeIds, this.accountsAffectedChangeRules,
         this.accountsAffectedChangeCompared, this.accountsAffectedChangeOtherUnits],
        ['RECORDS_EXPOSED', this.recordsExposedChanges, this.recordsExposedChangeIds, this.recordsExposedChangeRules,
         this.recordsExposedChangeCompared, this.recordsExposedChangeOtherUnits],
        ['PEOPLE_AFFECTED', this.peopleAffectedChanges, this.peopleAffectedChangeIds, this.peopleAffectedChangeRules,
         this.peopleAffectedChangeCompared, this.peopleAffectedChangeOtherUnits]] AS m
UNWIND range(0, size(coalesce(m[1], [])) - 1) AS k
WITH this, m, k WHERE $pu_asOf IS NULL OR m[1][k] <= $pu_asOf
MATCH (this)-[:HAS_ESTIMATE]->(e:Estimate {id: m[2][k]})
WITH *, m[0] AS _xv, m[1][k] AS _xw, e AS _xx, e.value AS _xy, e.qualifier AS _xz, e.unit AS _x10, m[3][k] AS _x11, m[4][k] AS _x12, [u IN split(m[5][k], '\t') WHERE u <> ''] AS _x13
ORDER BY m[1][k], m[0]
WITH _xv, _xw, _xx, _xy, _xz, _x10, _x11, _x12, _x13
WITH *, COLLECT {
CALL (_xx) {
WITH _xx AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _x17, r.attribution AS _x18, who AS _x19, coalesce(r.about, []) AS _x1a
ORDER BY n.publishedOn, n.id, r.attribution
RETURN [[_x17.id, _x17.url, _x17.publishedOn], _x18, _x1a] AS _v15
}
RETURN _v15
} AS _w14
RETURN [_xv, _xw, [_xx.id, _w14], _xy, _xz, _x10, _x11, _x12, _x13] AS _vt
}
RETURN _vt
} AS _ws
RETURN [_xn.id, _wo[0], _ws] AS _vl
}
RETURN _vl
} AS _vk
RETURN 1 AS k, _vk[0] AS v
UNION ALL
CALL () {
MATCH (:Authority {id: $p1b_f.authority})-[:IMPOSED]->(n:Fine)
WITH n WHERE n.knownOn <= $p1b_asOf
WITH n ORDER BY n.sortDate DESC, n.id DESC
LIMIT $p1b_limit
WITH n AS _x1c, [n.sortDate, n.id] AS sortKey
WITH *, COLLECT {
CALL (_x1c) {
WITH _x1c AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _x1h
WITH * WHERE _x1h.knownOn <= $pf_asOf
WITH *
ORDER BY n.id
LIMIT 1
RETURN [_x1h.id, _x1h.name] AS _v1f
}
RETURN _v1f
} AS _w1e
RETURN {node: [_x1c.id, _x1c.date, _x1c.dateAsReported, (coalesce([k IN range(size(coalesce(_x1c.amountChanges, [])) - 1, 0, -1) WHERE _x1c.amountChanges[k] <= $pf_asOf | _x1c.amountChangeAmounts[k]][0], _x1c.amount)), (coalesce([k IN range(size(coalesce(_x1c.amountChanges, [])) - 1, 0, -1) WHERE _x1c.amountChanges[k] <= $pf_asOf | _x1c.amountChangeCurrencies[k]][0], _x1c.currency)), _w1e[0]], sortKey: sortKey} AS _v1d
}
RETURN 2 AS k, _v1d AS v
UNION ALL
CALL () {
MATCH (:Authority {id: $p1b_f.authority})-[:IMPOSED]->(n:Fine)
WITH n WHERE n.knownOn <= $p1b_asOf
RETURN count(n) AS total
}
RETURN 3 AS k, total AS v
UNION ALL
CALL () {
// Which of $ids name no Authority: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $p1i_ids WHERE NOT EXISTS { MATCH (:Authority {id: id}) }] AS missing
}
RETURN 4 AS k, missing AS v

// ---- 3/6: common/labelsOf
// Parameters:
// {
//   "id": "coupang-breach-2025"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 4/6: common/labelsOf
// Parameters:
// {
//   "id": "coupang-breach-2025"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 5/6: common/suggest/Incident
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

// ---- 6/6: common/suggest/Incident
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
