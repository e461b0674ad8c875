// Company.incidents when no argument orders or filters by date ($order, $from and $to null): the
// items of Company.incidents.cypher in the same order (access start (else disclosure) as stored, then id), without cutting dates down to days.
MATCH (this)<-[:AFFECTED]-(i:Incident)
RETURN i
ORDER BY coalesce(i.accessStart, i.disclosedOn), i.id
LIMIT $first
