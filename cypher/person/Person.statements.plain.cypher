// Person.statements when no argument orders or filters by date ($order, $from and $to null): the
// items of Person.statements.cypher in the same order (date as stored, then id), without cutting dates down to days.
MATCH (this)-[:MADE]->(n:Statement)
RETURN n
ORDER BY n.date, n.id
LIMIT $first
