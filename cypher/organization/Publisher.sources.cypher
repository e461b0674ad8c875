MATCH (this)<-[:PUBLISHED_BY]-(s:Source)
RETURN s
ORDER BY s.publishedOn, s.id
