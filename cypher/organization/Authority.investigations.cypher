MATCH (this)-[:CONDUCTS]->(inv:Investigation)
RETURN inv
ORDER BY inv.openedOn, inv.id
