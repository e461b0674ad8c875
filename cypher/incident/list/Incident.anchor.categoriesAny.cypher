MATCH (d:DataCategory)<-[:OF_CATEGORY]-(:DataExposure {exposed: true})<-[:HAS_EXPOSURE]-(n:Incident)
WHERE d.id IN $f.categories
WITH DISTINCT n
