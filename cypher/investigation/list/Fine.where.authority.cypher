EXISTS { (n)<-[:IMPOSED]-(:Authority {id: $f.authority}) }
