// Index range seek (fine_date) on the year-truncated bounds; the exact partial-date test follows.
MATCH (n:Fine)
WHERE n.date >= $f.dateFromYear AND n.date <= $f.dateTo
