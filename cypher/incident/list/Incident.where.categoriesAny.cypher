EXISTS { (n)-[:HAS_EXPOSURE]->(:DataExposure {exposed: true})-[:OF_CATEGORY]->(d:DataCategory) WHERE d.id IN $f.categories }
