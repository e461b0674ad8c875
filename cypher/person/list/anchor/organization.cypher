MATCH (:Entity {id: $f.organization})<-[:AT]-(:Position)<-[:HOLDS]-(n:Person)
