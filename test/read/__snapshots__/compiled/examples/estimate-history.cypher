// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query EstimateHistory {
//   incident(id: "coupang-breach-2025") {
//     estimates {
//       id
//       value
//       qualifier
//       unit
//       asOf {
//         iso
//         precision
//         asReported
//       }
//       note
//       sources {
//         ...Src
//       }
//     }
//     accountsAffected {
//       id
//       value
//       asOf {
//         iso
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
// 3 queries sent.

// ---- 1/3: Query.incident
// Parameters:
// {
//   "p2_id": "coupang-breach-2025"
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
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WITH *, n AS _x7
ORDER BY n.asOf, n.id
WITH _x7
WITH *, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xb, r.attribution AS _xc, who AS _xd, coalesce(r.about, []) AS _xe
ORDER BY n.publishedOn, n.id, r.attribution
WITH _xb, _xc, _xd, _xe
WITH *, COLLECT {
CALL (_xb) {
WITH _xb AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _xi
ORDER BY n.id
LIMIT 1
RETURN [_xi.id, _xi.name] AS _vg
}
RETURN _vg
} AS _wf
RETURN [[_xb.id, _xb.title, _xb.url, _xb.publishedOn, _xb.dateNote, _wf[0]], _xc, [_xd.id, labels(_xd), _xd.name], _xe] AS _v9
}
RETURN _v9
} AS _w8
RETURN [_x7.id, _x7.value, _x7.qualifier, _x7.unit, _x7.asOf, _x7.asOfAsReported, _x7.note, _w8] AS _v5
}
RETURN _v5
} AS _w4, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WHERE n.id = this.accountsAffectedEstimate
WITH *, n AS _xm
LIMIT 1
RETURN [_xm.id, _xm.value, _xm.asOf, _xm.asOfAsReported] AS _vk
}
RETURN _vk
} AS _wj
RETURN [_x3.id, _w4, _wj[0]] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v

// ---- 2/3: common/labelsOf
// Parameters:
// {
//   "id": "coupang-breach-2025"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 3/3: common/suggest/Incident
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
