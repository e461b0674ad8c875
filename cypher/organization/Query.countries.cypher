MATCH (n:Country)
RETURN n
ORDER BY n.name
