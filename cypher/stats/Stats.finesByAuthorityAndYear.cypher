// Read as known on a day ($asOf; the plain form leaves it out): the fines known by then, at
// their current best amount.
// Amounts come back as decimal strings and are summed exactly in the server, never as floats.
// Each filter is a parameter, null when not asked (src/modules/stats/fineTotals.ts): $fromYear and
// $toYear leave undated fines out, $minAmountKey compares amountKey (zero-padded: exact) in $currency.
MATCH (a:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amount IS NOT NULL AND ($authority IS NULL OR a.id = $authority) AND ($asOf IS NULL OR f.knownOn <= $asOf)
  AND ($fromYear IS NULL OR f.year >= $fromYear) AND ($toYear IS NULL OR f.year <= $toYear)
  AND ($currency IS NULL OR f.currency = $currency) AND ($minAmountKey IS NULL OR f.amountKey >= $minAmountKey)
WITH a, f.year AS year, f.currency AS currency, collect(f.amount) AS amounts
ORDER BY currency
WITH a, year, collect({currency: currency, amounts: amounts}) AS totals
RETURN a AS authority, year, totals
ORDER BY a.name, year
