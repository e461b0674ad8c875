// Authority.investigations when no argument orders or filters by date ($order, $from and $to null): the
// items of Authority.investigations.cypher in the same order (opening date as stored, then id), without cutting dates down to days.
MATCH (this)-[:CONDUCTS]->(inv:Investigation)
RETURN inv
ORDER BY inv.openedOn, inv.id
LIMIT $first
