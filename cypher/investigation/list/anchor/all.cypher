MATCH (n:Investigation)
