MATCH (n:Incident)
