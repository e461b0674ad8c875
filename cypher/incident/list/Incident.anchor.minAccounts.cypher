MATCH (n:Incident)
WHERE n.accountsAffected >= $f.minAccounts
