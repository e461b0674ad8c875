EXISTS { (n)-[:HOLDS]->(:Position)-[:AT]->(:Entity {id: $f.organization}) }
