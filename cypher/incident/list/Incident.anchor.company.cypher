MATCH (:Company {id: $f.company})<-[:AFFECTED]-(n:Incident)
