// Decisions that are not fines with a known amount: notices of intent, decisions without an amount.
UNWIND $keys AS key
MATCH (:Authority {id: key})-[:ORGANIZED]->(e:Event)
WHERE e.kind IN ['NOTICE_OF_INTENT', 'DECISION']
RETURN key, e {.*, _labels: labels(e)} AS node
ORDER BY key, e.date, e.id
