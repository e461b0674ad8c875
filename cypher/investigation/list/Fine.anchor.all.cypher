MATCH (n:Fine)
