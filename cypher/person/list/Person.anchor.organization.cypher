MATCH (:Entity {id: $f.organization})<-[:AT]-(:Position)<-[:HOLDS]-(n:Person)
WITH DISTINCT n
