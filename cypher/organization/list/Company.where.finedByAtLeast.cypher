COUNT { MATCH (n)<-[:AGAINST]-(:Fine)<-[:IMPOSED]-(a:Authority) RETURN DISTINCT a } >= $f.finedByAtLeast
