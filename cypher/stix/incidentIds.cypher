// Every incident's id, for the TAXII collection of incidents (src/server/taxii.ts).
MATCH (i:Incident)
RETURN i.id AS id
ORDER BY id
