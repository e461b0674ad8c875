all(c IN $f.categories WHERE EXISTS { (n)-[:HAS_EXPOSURE]->(:DataExposure {exposed: true})-[:OF_CATEGORY]->(:DataCategory {id: c}) })
