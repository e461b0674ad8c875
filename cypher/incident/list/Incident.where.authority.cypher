EXISTS { (n)<-[:INTO]-(:Investigation)<-[:CONDUCTS]-(:Authority {id: $f.authority}) }
