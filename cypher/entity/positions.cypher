// Positions held at an organization (company or authority).
UNWIND $keys AS key
MATCH (:Entity {id: key})<-[:AT]-(p:Position)
RETURN key, p {.*, _labels: labels(p)} AS node
ORDER BY key, p.since, p.id
