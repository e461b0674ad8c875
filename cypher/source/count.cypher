MATCH (n:Source)
RETURN count(n) AS count
