EXISTS { (n)-[:AGAINST]->(:Company {id: $f.company}) }
