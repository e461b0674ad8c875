EXISTS { (n)<-[:IMPOSED]-(:Authority)-[:IN_COUNTRY]->(:Country {id: $f.country}) }
