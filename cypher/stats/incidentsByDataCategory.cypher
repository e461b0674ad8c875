MATCH (d:DataCategory)
RETURN d {.*, _labels: labels(d)} AS category,
       COUNT { (d)<-[:OF_CATEGORY]-(:DataExposure {exposed: true})<-[:HAS_EXPOSURE]-(:Incident) } AS incidents
ORDER BY incidents DESC, d.name
