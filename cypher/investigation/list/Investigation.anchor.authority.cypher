MATCH (:Authority {id: $f.authority})-[:CONDUCTS]->(n:Investigation)
