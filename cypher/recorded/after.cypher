// recordedAsOf (src/read/recordedAsOf.ts): in the transaction a read as recorded at $at runs in
// (always rolled back), what puts the graph back as it was then: the first change's time (an
// instant before it is refused), the changes committed after $at, oldest first, through the index
// on Change.at (at most $limit + 1: more is refused), and the entities joined to the nodes those
// changes created, whose derived values are chosen again once those nodes are gone.
CALL () {
  OPTIONAL MATCH (c:Change) WHERE c.at IS NOT NULL
  WITH c ORDER BY c.at LIMIT 1
  RETURN c.at AS earliest
}
CALL () {
  MATCH (c:Change) WHERE c.at > $at
  WITH c ORDER BY c.at, c.id LIMIT $limit + 1
  RETURN collect(c {.id, .at, .operation, .properties, .links, .created}) AS changes
}
RETURN earliest, changes, COLLECT {
  UNWIND changes AS c
  UNWIND coalesce(c.created, []) AS id
  CALL (id) {
    MATCH (n:Entity {id: id}) RETURN n
    UNION MATCH (n:Retracted {id: id}) RETURN n
    UNION MATCH (n:Redirect {id: id}) RETURN n
  }
  MATCH (n)--(m:Entity)
  RETURN DISTINCT m.id
} AS neighbours
