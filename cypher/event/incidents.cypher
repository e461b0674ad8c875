UNWIND $keys AS key
MATCH (a:Event {id: key})-[:CONCERNS]->(n:Incident)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
