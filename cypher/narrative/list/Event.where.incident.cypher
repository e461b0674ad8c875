EXISTS { (n)-[:CONCERNS]->(:Incident {id: $f.incident}) }
