MATCH (n:Incident)
WHERE n.accountsAffected IS NOT NULL
RETURN n {.*, _labels: labels(n)} AS node
ORDER BY n.accountsAffected DESC, n.id
LIMIT $first
