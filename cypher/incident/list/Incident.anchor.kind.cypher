MATCH (n:Incident)
WHERE n.kind = $f.kind
