UNWIND $keys AS key
MATCH (:Entity {id: key})-[:IN_COUNTRY]->(c:Country)
RETURN key, c {.*, _labels: labels(c)} AS node
