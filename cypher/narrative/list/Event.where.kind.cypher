n.kind = $f.kind
