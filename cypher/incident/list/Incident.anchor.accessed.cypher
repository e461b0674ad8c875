// Index range seek on the year-truncated bounds; the exact partial-date test follows.
MATCH (n:Incident)
WHERE n.accessStart >= $f.accessedFromYear AND n.accessStart <= $f.accessedTo
