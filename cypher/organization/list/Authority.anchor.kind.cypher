MATCH (n:Authority)
WHERE n.kind = $f.kind
