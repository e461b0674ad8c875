MATCH (n:Fine)
WHERE n.year = $f.year
