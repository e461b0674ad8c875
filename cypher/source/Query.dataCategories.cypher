MATCH (n:DataCategory)
RETURN n
ORDER BY n.name
