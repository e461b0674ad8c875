// Decisions that are not fines with a known amount: notices of intent, decisions without an amount.
MATCH (this)-[:ORGANIZED]->(e:Event)
WHERE e.kind IN ['NOTICE_OF_INTENT', 'DECISION']
RETURN e
ORDER BY e.date, e.id
