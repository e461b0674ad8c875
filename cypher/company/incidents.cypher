UNWIND $keys AS key
MATCH (:Company {id: key})<-[:AFFECTED]-(i:Incident)
RETURN key, i {.*, _labels: labels(i)} AS node
ORDER BY key, coalesce(i.accessStart, i.disclosedOn), i.id
