UNWIND $keys AS key
MATCH (:Publisher {id: key})<-[:PUBLISHED_BY]-(s:Source)
RETURN key, s {.*, _labels: labels(s)} AS node
ORDER BY key, s.publishedOn, s.id
