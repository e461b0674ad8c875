n.kind IN $f.kinds
