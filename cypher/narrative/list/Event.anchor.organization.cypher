MATCH (:Entity {id: $f.organization})-[:ORGANIZED]->(n:Event)
WITH DISTINCT n
