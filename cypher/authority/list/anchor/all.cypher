MATCH (n:Authority)
