MATCH (:Person {id: $f.person})-[:MADE]->(n:Statement)
WITH DISTINCT n
