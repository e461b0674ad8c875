// listDate (seeds/99-derived-values.cypher) is the first day of the date, else of reportedOn.
n.listDate >= $f.from AND n.listDate <= $f.to
