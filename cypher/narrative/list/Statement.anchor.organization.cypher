MATCH (:Entity {id: $f.organization})<-[:ON_BEHALF_OF]-(n:Statement)
WITH DISTINCT n
