MATCH (n:Fine)
RETURN count(n) AS count
