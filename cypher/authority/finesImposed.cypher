UNWIND $keys AS key
MATCH (:Authority {id: key})-[:IMPOSED]->(f:Fine)
RETURN key, f {.*, _labels: labels(f)} AS node
ORDER BY key, f.id
