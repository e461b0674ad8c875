MATCH (this)-[:PART_OF]->(p:Authority)
RETURN p
