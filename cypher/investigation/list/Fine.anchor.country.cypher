// The country's authorities, then the fines each imposed (one authority imposes a fine).
MATCH (:Country {id: $f.country})<-[:IN_COUNTRY]-(:Authority)-[:IMPOSED]->(n:Fine)
