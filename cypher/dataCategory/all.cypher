MATCH (d:DataCategory)
RETURN d {.*, _labels: labels(d)} AS node
ORDER BY d.name
