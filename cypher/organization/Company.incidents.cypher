MATCH (this)<-[:AFFECTED]-(i:Incident)
RETURN i
ORDER BY coalesce(i.accessStart, i.disclosedOn), i.id
