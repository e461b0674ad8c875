// Index range seek on the year-truncated bounds; the exact partial-date test follows.
MATCH (n:Incident)
WHERE n.disclosedOn >= $f.disclosedFromYear AND n.disclosedOn <= $f.disclosedTo
