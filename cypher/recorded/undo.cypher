// recordedAsOf (src/read/recordedAsOf.ts): the graph put back as it was recorded at $at, in a
// write transaction that is always rolled back after the read it serves (nothing here is ever
// committed). The parameters are the net inverse of the changes after $at (src/read/undo.ts):
// the changes themselves go, the nodes they created go with every relationship, labels come back
// whole (a retracted fact is live again, a merged node apart), properties and relationships come
// back as they were. The statement goes on with cypher/write/refresh.cypher ($ids, $returned: []),
// which chooses the derived values again as they were then, by the rules a write uses.
CALL () {
  MATCH (c:Change) WHERE c.at > $at
  DETACH DELETE c
}
CALL () {
  UNWIND $created AS id
  CALL (id) {
    MATCH (n:Entity {id: id}) RETURN n
    UNION MATCH (n:Retracted {id: id}) RETURN n
    UNION MATCH (n:Redirect {id: id}) RETURN n
  }
  DETACH DELETE n
}
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
  UNWIND $relabel AS x
  CALL (x) {
    MATCH (n:Entity {id: x.id}) RETURN n
    UNION MATCH (n:Retracted {id: x.id}) RETURN n
    UNION MATCH (n:Redirect {id: x.id}) RETURN n
  }
  WITH n, x, [l IN labels(n) WHERE NOT l IN x.labels] AS gone
  REMOVE n:$(gone)
  SET n:$(x.labels)
}
CALL () {
  UNWIND $set AS x
  CALL (x) {
    MATCH (n:Entity {id: x.id}) RETURN n
    UNION MATCH (n:Retracted {id: x.id}) RETURN n
    UNION MATCH (n:Redirect {id: x.id}) RETURN n
  }
  SET n += x.props
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
  SET r = l.props
}
WITH null AS change, [] AS sources
