// A partial date compares by its first day: "2020-10" is 2020-10-01.
n.date + substring('-01-01', size(n.date) - 4) >= $f.dateFrom
  AND n.date + substring('-01-01', size(n.date) - 4) <= $f.dateTo
