// A partial date compares by its first day: "2025-06" is 2025-06-01.
n.accessStart + substring('-01-01', size(n.accessStart) - 4) >= $f.accessedFrom
  AND n.accessStart + substring('-01-01', size(n.accessStart) - 4) <= $f.accessedTo
