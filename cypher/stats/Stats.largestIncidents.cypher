MATCH (n:Incident)
WHERE n.accountsAffected IS NOT NULL
RETURN n
ORDER BY n.accountsAffected DESC, n.id
LIMIT $first
