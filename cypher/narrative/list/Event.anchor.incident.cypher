MATCH (:Incident {id: $f.incident})<-[:CONCERNS]-(n:Event)
WITH DISTINCT n
