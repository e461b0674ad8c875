// Incident.statements when no argument orders or filters by date ($order, $from and $to null): the
// items of Incident.statements.cypher in the same order (date as stored, then id), without cutting dates down to days.
MATCH (this)<-[:ABOUT]-(n:Statement)
RETURN n
ORDER BY n.date, n.id
LIMIT $first
