MATCH (n:Incident)
RETURN count(n) AS count
