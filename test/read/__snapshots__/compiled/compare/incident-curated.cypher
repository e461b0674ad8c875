// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query ($id: ID!) {
//   incident(id: $id) {
//     id
//     title
//     company {
//       id
//       name
//     }
//     exposedData {
//       id
//       category {
//         id
//         name
//       }
//     }
//     investigations {
//       id
//       title
//       authorities {
//         id
//         name
//       }
//     }
//     suspicions {
//       id
//       status
//       person {
//         id
//         name
//         description
//       }
//     }
//     sources {
//       attribution
//       about
//       source {
//         id
//         title
//         url
//       }
//     }
//   }
// }
//
// Variables:
// {
//   "id": "coupang-breach-2025"
// }
//
// 3 queries sent.

// ---- 1/3: Query.incident
// Parameters:
// {
//   "p2_id": "coupang-breach-2025",
//   "pi_first": 9007199254740991
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
MATCH (this)-[:AFFECTED]->(n:Company)
WITH *, n AS _x7
ORDER BY n.id
LIMIT 1
RETURN [_x7.id, _x7.name] AS _v5
}
RETURN _v5
} AS _w4, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)-[:HAS_EXPOSURE]->(n:DataExposure)-[:OF_CATEGORY]->(c:DataCategory)
WHERE n.exposed
WITH *, n AS _xb
ORDER BY c.name, n.id
WITH _xb
WITH *, COLLECT {
CALL (_xb) {
WITH _xb AS this
MATCH (this)-[:OF_CATEGORY]->(n:DataCategory)
WITH *, n AS _xf
ORDER BY n.id
LIMIT 1
RETURN [_xf.id, _xf.name] AS _vd
}
RETURN _vd
} AS _wc
RETURN [_xb.id, _wc[0]] AS _v9
}
RETURN _v9
} AS _w8, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)<-[:INTO]-(n:Investigation)
WITH *, n AS _xj
ORDER BY n.openedOn, n.id
LIMIT $pi_first
WITH _xj
WITH *, COLLECT {
CALL (_xj) {
WITH _xj AS this
MATCH (this)<-[:CONDUCTS]-(n:Authority)
WITH *, n AS _xn
ORDER BY n.name
RETURN [_xn.id, _xn.name] AS _vl
}
RETURN _vl
} AS _wk
RETURN [_xj.id, _xj.title, _wk] AS _vh
}
RETURN _vh
} AS _wg, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)<-[:IN_INCIDENT]-(n:Suspicion)
WITH *, n AS _xr
ORDER BY n.id
WITH _xr
WITH *, COLLECT {
CALL (_xr) {
WITH _xr AS this
MATCH (this)<-[:SUBJECT_OF]-(n:Person)
WITH *, n AS _xv
ORDER BY n.id
LIMIT 1
RETURN [_xv.id, _xv.name, _xv.description] AS _vt
}
RETURN _vt
} AS _ws
RETURN [_xr.id, _xr.status, _ws[0]] AS _vp
}
RETURN _vp
} AS _wo, COLLECT {
CALL (_x3) {
WITH _x3 AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xz, r.attribution AS _x10, who AS _x11, coalesce(r.about, []) AS _x12
ORDER BY n.publishedOn, n.id, r.attribution
RETURN [[_xz.id, _xz.title, _xz.url], _x10, _x12] AS _vx
}
RETURN _vx
} AS _ww
RETURN [_x3.id, _x3.title, _w4[0], _w8, _wg, _wo, _ww] AS _v1
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
