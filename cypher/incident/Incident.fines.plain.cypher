// Incident.fines when no argument orders or filters by date ($order, $from and $to null): the
// items of Incident.fines.cypher in the same order (id), without cutting dates down to days.
MATCH (this)<-[:FOR_INCIDENT]-(n:Fine)
RETURN n
ORDER BY n.id
LIMIT $first
