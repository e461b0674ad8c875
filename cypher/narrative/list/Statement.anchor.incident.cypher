MATCH (:Incident {id: $f.incident})<-[:ABOUT]-(n:Statement)
WITH DISTINCT n
