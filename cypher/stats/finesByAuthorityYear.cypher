// Amounts come back as decimal strings and are summed exactly in the server, never as floats.
MATCH (a:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amount IS NOT NULL AND ($authority IS NULL OR a.id = $authority)
RETURN a {.*, _labels: labels(a)} AS authority, f.year AS year, f.currency AS currency, collect(f.amount) AS amounts
ORDER BY authority.name, year, currency
