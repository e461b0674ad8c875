UNWIND $keys AS key
MATCH (:Company {id: key})<-[:AGAINST]-(f:Fine)
RETURN key, f {.*, _labels: labels(f)} AS node
ORDER BY key, f.id
