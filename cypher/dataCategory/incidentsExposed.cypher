UNWIND $keys AS key
MATCH (a:DataCategory {id: key})<-[:OF_CATEGORY]-(:DataExposure {exposed: true})<-[:HAS_EXPOSURE]-(n:Incident)
RETURN key, n {.*, _labels: labels(n)} AS node
ORDER BY key, n.id
