MATCH (n:Source)
