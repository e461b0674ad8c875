EXISTS { (n)-[:PUBLISHED_BY]->(:Publisher {id: $f.publisher}) }
