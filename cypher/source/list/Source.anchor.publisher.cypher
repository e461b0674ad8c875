MATCH (:Publisher {id: $f.publisher})<-[:PUBLISHED_BY]-(n:Source)
