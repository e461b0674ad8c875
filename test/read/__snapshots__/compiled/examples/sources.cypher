// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query Sources {
//   node(id: "skt-pipc-fine-2025") {
//     id
//     ... on Fine {
//       sources {
//         ...Src
//       }
//     }
//   }
//   source(id: "azzet-coupang-2025") {
//     url
//     dateNote
//     publisher {
//       name
//     }
//     supports {
//       __typename
//       id
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
// 5 queries sent.

// ---- 1/5: Query.node + Query.source
// Parameters:
// {
//   "p2_id": "skt-pipc-fine-2025",
//   "ph_id": "azzet-coupang-2025"
// }
WITH COLLECT {
CALL () {
OPTIONAL MATCH (:Redirect {id: $p2_id})-[:MERGED_INTO*1..8]->(merged:Entity)
MATCH (n:Entity {id: coalesce(merged.id, $p2_id)})
WITH *, n AS _x3
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL (_x3) {
WITH _x3 AS this WHERE this:Fine
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
RETURN [_x3.id, labels(_x3), _w4] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v
UNION ALL
WITH COLLECT {
CALL () {
OPTIONAL MATCH (:Redirect {id: $ph_id})-[:MERGED_INTO*1..8]->(merged:Entity)
MATCH (n:Source {id: coalesce(merged.id, $ph_id)})
WITH *, n AS _xi
LIMIT 1
WITH _xi
WITH *, COLLECT {
CALL (_xi) {
WITH _xi AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _xm
ORDER BY n.id
LIMIT 1
RETURN [_xm.id, _xm.name] AS _vk
}
RETURN _vk
} AS _wj, COLLECT {
CALL (_xi) {
WITH _xi AS this
MATCH (this)<-[:SOURCED_FROM]-(n:Entity)
WITH *, n AS _xq
ORDER BY n.id
RETURN [_xq.id, labels(_xq)] AS _vo
}
RETURN _vo
} AS _wn
RETURN [_xi.id, _xi.url, _xi.dateNote, _wj[0], _wn] AS _vg
}
RETURN _vg
} AS _vf
RETURN 1 AS k, _vf[0] AS v

// ---- 2/5: common/labelsOf
// Parameters:
// {
//   "id": "skt-pipc-fine-2025"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 3/5: common/labelsOf
// Parameters:
// {
//   "id": "azzet-coupang-2025"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 4/5: common/suggest/Entity
// Parameters:
// {
//   "variants": [
//     "skt-pipc-fine-2025",
//     "SKT-PIPC-FINE-2025"
//   ],
//   "lowerPrefix": "sk",
//   "upperPrefix": "SK"
// }
// Candidates for an unknown Entity id, only on the error path (src/read/suggest.ts): the id's case and
// slug variants, and ids sharing its first characters, through the id index; never a scan of all.
CALL () {
  MATCH (n:Entity) WHERE n.id IN $variants
  RETURN n
  UNION
  MATCH (n:Entity) WHERE n.id STARTS WITH $lowerPrefix
  RETURN n LIMIT 500
  UNION
  MATCH (n:Entity) WHERE n.id STARTS WITH $upperPrefix
  RETURN n LIMIT 500
}
RETURN n.id AS id, [x IN [n.name, n.title] + coalesce(n.aliases, []) WHERE x IS NOT NULL] AS names

// ---- 5/5: common/suggest/Source
// Parameters:
// {
//   "variants": [
//     "azzet-coupang-2025",
//     "AZZET-COUPANG-2025"
//   ],
//   "lowerPrefix": "az",
//   "upperPrefix": "AZ"
// }
// Candidates for an unknown Source id, only on the error path (src/read/suggest.ts): the id's case and
// slug variants, and ids sharing its first characters, through the id index; never a scan of all.
CALL () {
  MATCH (n:Source) WHERE n.id IN $variants
  RETURN n
  UNION
  MATCH (n:Source) WHERE n.id STARTS WITH $lowerPrefix
  RETURN n LIMIT 500
  UNION
  MATCH (n:Source) WHERE n.id STARTS WITH $upperPrefix
  RETURN n LIMIT 500
}
RETURN n.id AS id, [x IN [n.title] WHERE x IS NOT NULL] AS names
