n.currency = $f.currency
