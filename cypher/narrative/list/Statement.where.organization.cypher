EXISTS { (n)-[:ON_BEHALF_OF]->(:Entity {id: $f.organization}) }
