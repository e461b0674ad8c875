MATCH (:Authority {id: $f.authority})-[:CONDUCTS]->(:Investigation)-[:INTO]->(n:Incident)
WITH DISTINCT n
