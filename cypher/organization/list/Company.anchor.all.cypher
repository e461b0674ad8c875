MATCH (n:Company)
