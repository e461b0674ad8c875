MATCH (this)<-[:OF_CATEGORY]-(:DataExposure {exposed: true})<-[:HAS_EXPOSURE]-(n:Incident)
RETURN n
ORDER BY n.id
