// Amounts come back as decimal strings and are summed exactly in the server, never as floats.
MATCH (a:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amount IS NOT NULL AND ($authority IS NULL OR a.id = $authority)
WITH a, f.year AS year, f.currency AS currency, collect(f.amount) AS amounts
ORDER BY currency
WITH a, year, collect({currency: currency, amounts: amounts}) AS totals
RETURN a AS authority, year, totals
ORDER BY a.name, year
