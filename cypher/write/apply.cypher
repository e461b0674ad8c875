// A curated write as one statement with cypher/write/refresh.cypher (src/write/mutate.ts builds the parameters from a changeset,
// after cypher/write/prepare.cypher when it changes what is there): the relationships it removes, the nodes it creates, the
// properties it sets (a null removes one), the labels it changes (retracting a fact, merging a
// node), the relationships it adds, and the Change that records all of it, linked to every node it
// touched (CHANGED) and to the sources it rests on (CITED); with the request's idempotency key,
// when it sent one. Labels and relationship types are parameters checked against
// src/write/vocabulary.ts; a node is found in any state (live, retracted or merged).
// A write that only adds checks here that the nodes it needs are there, each of its label
// ($require; empty when cypher/write/prepare.cypher checked them): one missing, and this statement
// returns no row and writes nothing.
CALL () {
  UNWIND $require AS r
  OPTIONAL MATCH (n:Entity {id: r.id})
  WITH r, n WHERE n IS NULL OR NOT r.label IN labels(n)
  RETURN count(r) AS missing
}
WITH missing WHERE missing = 0
CALL () {
  UNWIND $unlink AS l
  CALL (l) {
    MATCH (a:Entity {id: l.from}) RETURN a
    UNION MATCH (a:Retracted {id: l.from}) RETURN a
    UNION MATCH (a:Redirect {id: l.from}) RETURN a
  }
  MATCH (a)-[r:$(l.type)]->(b) WHERE b.id = l.to
  DELETE r
}
CALL () {
  UNWIND $create AS x
  CREATE (n:$(x.labels) {id: x.id})
  SET n += x.props, n.version = 0
}
CALL () {
  UNWIND $set AS x
  MATCH (n:Entity {id: x.id})
  SET n += x.props, n.version = n.version + 1
}
CALL () {
  UNWIND $relabel AS x
  CALL (x) {
    MATCH (n:Entity {id: x.id}) RETURN n
    UNION MATCH (n:Retracted {id: x.id}) RETURN n
    UNION MATCH (n:Redirect {id: x.id}) RETURN n
  }
  REMOVE n:$(x.remove)
  SET n:$(x.add), n += x.props, n.version = n.version + 1
}
CALL () {
  UNWIND $link AS l
  CALL (l) {
    MATCH (a:Entity {id: l.from}) RETURN a
    UNION MATCH (a:Retracted {id: l.from}) RETURN a
    UNION MATCH (a:Redirect {id: l.from}) RETURN a
  }
  CALL (l) {
    MATCH (b:Entity {id: l.to}) RETURN b
    UNION MATCH (b:Retracted {id: l.to}) RETURN b
    UNION MATCH (b:Redirect {id: l.to}) RETURN b
  }
  MERGE (a)-[r:$(l.type)]->(b)
  SET r += l.props
}
CREATE (c:Change {id: $change.id})
SET c += $change
WITH c
CALL (c) {
  UNWIND $changed AS id
  CALL (id) {
    MATCH (n:Entity {id: id}) RETURN n
    UNION MATCH (n:Retracted {id: id}) RETURN n
    UNION MATCH (n:Redirect {id: id}) RETURN n
  }
  CREATE (c)-[:CHANGED]->(n)
}
CALL (c) {
  UNWIND $cited AS id
  MATCH (s:Source {id: id})
  CREATE (c)-[:CITED]->(s)
}
CALL (c) {
  UNWIND CASE WHEN $idempotency IS NULL THEN [] ELSE [$idempotency] END AS k
  CREATE (key:IdempotencyKey {id: k.id})
  SET key.request = k.request, key.at = c.at, key.change = c.id, key.nodes = k.nodes
}
// The statement goes on with cypher/write/refresh.cypher (src/write/mutate.ts runs the two as
// one: "write/apply+write/refresh"), which chooses the derived values again and returns these.
WITH c.id AS change,
     COLLECT { MATCH (c)-[:CITED]->(s:Source) WITH s ORDER BY s.id RETURN s {.*, _labels: labels(s)} } AS sources
