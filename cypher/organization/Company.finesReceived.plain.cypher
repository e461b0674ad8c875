// Company.finesReceived when no argument orders or filters by date ($order, $from and $to null): the
// items of Company.finesReceived.cypher in the same order (id), without cutting dates down to days.
MATCH (this)<-[:AGAINST]-(f:Fine)
RETURN f
ORDER BY f.id
LIMIT $first
