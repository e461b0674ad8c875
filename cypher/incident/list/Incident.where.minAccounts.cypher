// The second test lets a walk in accounts order seek to the minimum.
n.accountsAffected >= $f.minAccounts AND n.sortAccounts >= $f.minAccounts
