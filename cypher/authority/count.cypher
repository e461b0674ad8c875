MATCH (n:Authority)
RETURN count(n) AS count
