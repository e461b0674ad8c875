MATCH (n:Company)
RETURN count(n) AS count
