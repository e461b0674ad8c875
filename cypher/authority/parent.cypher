UNWIND $keys AS key
MATCH (:Authority {id: key})-[:PART_OF]->(p:Authority)
RETURN key, p {.*, _labels: labels(p)} AS node
