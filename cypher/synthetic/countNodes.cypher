// Every node of the database (the bulk path loads only an empty one). Read from the count store.
MATCH (n) RETURN count(n) AS nodes
