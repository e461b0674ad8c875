UNWIND $keys AS key
MATCH (:Authority {id: key})-[:CONDUCTS]->(inv:Investigation)
RETURN key, inv {.*, _labels: labels(inv)} AS node
ORDER BY key, inv.openedOn, inv.id
