UNWIND $keys AS key
MATCH (:Company {id: key})-[:HAS_ESTIMATE]->(e:Estimate)
RETURN key, e {.*, _labels: labels(e)} AS node
ORDER BY key, e.asOf, e.id
