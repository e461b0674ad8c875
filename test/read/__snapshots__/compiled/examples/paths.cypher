// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query PathsCoupangToSkTelecom {
//   paths(
//     from: "coupang"
//     to: "sk-telecom"
//     maxHops: 5
//     relationshipTypes: [AFFECTED, INTO, CONDUCTS, IMPOSED, AGAINST, FOR_INCIDENT]
//     first: 5
//   ) {
//     length
//     nodes {
//       __typename
//       id
//     }
//     relationships {
//       type
//       from
//       to
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.paths (timeout 5000 ms)
// Parameters:
// {
//   "p2_from": "coupang",
//   "p2_to": "sk-telecom",
//   "p2_types": [
//     "AFFECTED",
//     "INTO",
//     "CONDUCTS",
//     "IMPOSED",
//     "AGAINST",
//     "FOR_INCIDENT"
//   ],
//   "p2_exclude": [],
//   "p2_maxHops": 5,
//   "p2_first": 5,
//   "p6_ids": [
//     "coupang"
//   ],
//   "p7_ids": [
//     "sk-telecom"
//   ]
// }
WITH COLLECT {
CALL () {
MATCH (a:Entity {id: $p2_from}), (b:Entity {id: $p2_to})
MATCH p = SHORTEST 25 (a)((:Entity)-[r]-(:Entity) WHERE ($p2_types IS NULL OR type(r) IN $p2_types) AND NOT type(r) IN $p2_exclude){1,6}(b)
WITH p WHERE length(p) <= $p2_maxHops
WITH *, nodes(p) AS _x3, [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS _x4
ORDER BY length(p)
LIMIT $p2_first
RETURN [[_y5 IN _x3 | [_y5.id, labels(_y5)]], _x4] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0 AS v
UNION ALL
CALL () {
// Which of $ids name no Entity: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $p6_ids WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS missing
}
RETURN 1 AS k, missing AS v
UNION ALL
CALL () {
// Which of $ids name no Entity: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $p7_ids WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS missing
}
RETURN 2 AS k, missing AS v
