n.year = $f.year
