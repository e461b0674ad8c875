MATCH (:Person {id: $f.person})-[:ATTENDED]->(n:Event)
WITH DISTINCT n
