EXISTS { (n)-[:ABOUT]->(:Incident {id: $f.incident}) }
