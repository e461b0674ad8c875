MATCH (n:Statement)
