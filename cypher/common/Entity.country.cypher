MATCH (this)-[:IN_COUNTRY]->(c:Country)
RETURN c
