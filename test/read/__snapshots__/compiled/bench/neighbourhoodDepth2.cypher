// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// {
//   neighbourhood(id: "pipc", depth: 2, limit: 200) {
//     nodes {
//       id
//     }
//   }
// }
//
// 2 queries sent.

// ---- 1/2: paths/center (timeout 5000 ms)
// Parameters:
// {
//   "id": "pipc",
//   "asOf": null
// }
// The entity a neighbourhood is drawn around.
MATCH (n:Entity {id: $id})
// Read as known on a day ($asOf): the entity only if it was known by then.
WHERE ($asOf IS NULL OR n.knownOn <= $asOf OR n:Country OR n:DataCategory)
RETURN n {.*, _labels: labels(n)} AS node

// ---- 2/2: common/suggest/Entity
// Parameters:
// {
//   "variants": [
//     "pipc",
//     "PIPC"
//   ],
//   "lowerPrefix": "pi",
//   "upperPrefix": "PI"
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
