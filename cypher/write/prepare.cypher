// The first statement of every curated write (src/write/mutate.ts), in its transaction: which of
// the required nodes are missing (or not of the label named), the nodes the write will change as
// committed now, each under its write lock (the SET takes it: concurrent writes to one node queue
// here, so the versions compared and the "before" values recorded are the ones written over), and
// which of the relationships it will add or remove exist already, with their properties.
// A node is found in any state: live (:Entity), retracted (:Retracted) or merged (:Redirect).
CALL () {
  UNWIND $require AS r
  OPTIONAL MATCH (n:Entity {id: r.id})
  WITH r, n WHERE n IS NULL OR NOT r.label IN labels(n)
  RETURN collect(r) AS missing
}
CALL () {
  UNWIND $lock AS id
  CALL (id) {
    MATCH (n:Entity {id: id}) RETURN n
    UNION MATCH (n:Retracted {id: id}) RETURN n
    UNION MATCH (n:Redirect {id: id}) RETURN n
  }
  SET n.version = coalesce(n.version, 0)
  RETURN collect(n {.*, _labels: labels(n)}) AS nodes
}
CALL () {
  UNWIND $links AS l
  OPTIONAL CALL (l) {
    CALL (l) {
      MATCH (a:Entity {id: l.from}) RETURN a
      UNION MATCH (a:Retracted {id: l.from}) RETURN a
      UNION MATCH (a:Redirect {id: l.from}) RETURN a
    }
    MATCH (a)-[r:$(l.type)]->(b) WHERE b.id = l.to
    RETURN properties(r) AS props
    LIMIT 1
  }
  RETURN collect({from: l.from, type: l.type, to: l.to, props: props}) AS links
}
RETURN missing, nodes, links
