MATCH (:Company {id: $f.company})<-[:AGAINST]-(n:Fine)
