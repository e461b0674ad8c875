// Incident.investigations when no argument orders or filters by date ($order, $from and $to null): the
// items of Incident.investigations.cypher in the same order (opening date as stored, then id), without cutting dates down to days.
MATCH (this)<-[:INTO]-(n:Investigation)
RETURN n
ORDER BY n.openedOn, n.id
LIMIT $first
