EXISTS { (n)<-[:AGAINST]-(:Fine) } = $f.hasFine
