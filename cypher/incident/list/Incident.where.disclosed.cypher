// A partial date compares by its first day: "2025-06" is 2025-06-01.
n.disclosedOn + substring('-01-01', size(n.disclosedOn) - 4) >= $f.disclosedFrom
  AND n.disclosedOn + substring('-01-01', size(n.disclosedOn) - 4) <= $f.disclosedTo
