RETURN count(n) AS count
