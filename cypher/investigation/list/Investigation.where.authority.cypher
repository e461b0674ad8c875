EXISTS { (n)<-[:CONDUCTS]-(:Authority {id: $f.authority}) }
