UNWIND $keys AS key
MATCH (a:DataExposure {id: key})<-[:HAS_EXPOSURE]-(n:Incident)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
