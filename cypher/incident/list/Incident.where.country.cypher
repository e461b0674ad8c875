EXISTS { (n)-[:IN_COUNTRY]->(:Country {id: $f.country}) }
