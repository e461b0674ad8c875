MATCH (n:Fine)
WHERE n.currency = $f.currency
