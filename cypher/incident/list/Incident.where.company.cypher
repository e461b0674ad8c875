EXISTS { (n)-[:AFFECTED]->(:Company {id: $f.company}) }
