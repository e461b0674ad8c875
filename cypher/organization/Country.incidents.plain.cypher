// Country.incidents when no argument orders or filters by date ($order, $from and $to null): the
// items of Country.incidents.cypher in the same order (id), without cutting dates down to days.
MATCH (this)<-[:IN_COUNTRY]-(i:Incident)
RETURN i
ORDER BY i.id
LIMIT $first
