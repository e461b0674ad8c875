MATCH (c:Country)
RETURN c {.*, _labels: labels(c)} AS node
ORDER BY c.name
