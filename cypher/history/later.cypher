// revertChange (src/modules/history/revert.ts): the change, and every change committed after it
// that touched a node it touched (CHANGED), oldest first, with what each set: the later ones that
// set the same properties or relationships make the revert a CONFLICT (unless undone since).
MATCH (c:Change {id: $id})
RETURN c {.id, .at, .operation, .properties, .links, .created} AS change,
  COLLECT {
    MATCH (c)-[:CHANGED]->(n)<-[:CHANGED]-(later:Change)
    WHERE later.at > c.at OR (later.at = c.at AND later.id > c.id)
    WITH DISTINCT later ORDER BY later.at, later.id
    RETURN later {.id, .at, .operation, .properties, .links, .created, .revertOf}
  } AS later
