EXISTS { (n)-[:SUBJECT_OF]->(:Suspicion) } = $f.isSuspect
