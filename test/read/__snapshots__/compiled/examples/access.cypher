// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query Access {
//   incident(id: "coupang-breach-2025") {
//     accessStart {
//       iso
//       precision
//       asReported
//     }
//     accessDurationAsReported
//     origin
//     attackVector
//     discoveredOn {
//       iso
//     }
//     reportedOn {
//       iso
//       asReported
//     }
//     extortion {
//       demand
//       ransomDemanded
//     }
//     sources {
//       ...Src
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
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _x7, r.attribution AS _x8, who AS _x9, coalesce(r.about, []) AS _xa
ORDER BY n.publishedOn, n.id, r.attribution
WITH _x7, _x8, _x9, _xa
WITH *, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _xe
ORDER BY n.id
LIMIT 1
RETURN [_xe.id, _xe.name] AS _vc
}
RETURN _vc
} AS _wb
RETURN [[_x7.id, _x7.title, _x7.url, _x7.publishedOn, _x7.dateNote, _wb[0]], _x8, [_x9.id, labels(_x9), _x9.name], _xa] AS _v5
}
RETURN _v5
} AS _w4
RETURN [_x3.id, _x3.accessStart, _x3.accessStartAsReported, _x3.accessDurationAsReported, _x3.origin, _x3.attackVector, _x3.discoveredOn, _x3.discoveredOnAsReported, _x3.reportedOn, _x3.reportedOnAsReported, _x3.extortionDemand, _x3.ransomDemanded, _w4] AS _v1
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
