// Every relationship of the nodes $ids between entities (in any state), both directions, with
// its properties: what retract, mergeEntities and revertChange remove or move, each recorded in
// the change so that it can be put back (src/modules/curation/, src/modules/history/revert.ts).
// A change's own links (CHANGED, CITED) are the history, not the graph: never included.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Entity {id: id}) RETURN n
  UNION MATCH (n:Retracted {id: id}) RETURN n
  UNION MATCH (n:Redirect {id: id}) RETURN n
}
MATCH (n)-[r]-(m)
WHERE NOT m:Change AND NOT m:ApiKey AND NOT m:IdempotencyKey
WITH DISTINCT r
RETURN startNode(r).id AS from, type(r) AS type, endNode(r).id AS to, properties(r) AS props
