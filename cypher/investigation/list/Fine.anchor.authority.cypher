MATCH (:Authority {id: $f.authority})-[:IMPOSED]->(n:Fine)
