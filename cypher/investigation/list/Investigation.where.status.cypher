n.status = $f.status
