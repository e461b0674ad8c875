// Read as known on a day ($asOf; the plain form leaves it out): the fines known by then, each at
// the amount chosen among its reports known by then.
// Amounts come back as decimal strings and are summed exactly in the server, never as floats.
// Each filter is a parameter, null when not asked (src/modules/stats/fineTotals.ts): $fromYear and
// $toYear leave undated fines out, $minAmountKey compares amountKey (zero-padded: exact) in $currency.
MATCH (a:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amount IS NOT NULL AND ($authority IS NULL OR a.id = $authority) AND ($asOf IS NULL OR f.knownOn <= $asOf)
  AND ($fromYear IS NULL OR f.year >= $fromYear) AND ($toYear IS NULL OR f.year <= $toYear)
  AND ($currency IS NULL OR f.currency = $currency) AND ($minAmountKey IS NULL OR f.amountKey >= $minAmountKey)
// As known on a day, each fine at the amount of the report chosen then (cypher/asof/Fine.cypher).
WITH a, f, CASE WHEN $asOf IS NULL THEN f.amount ELSE coalesce([k IN range(size(coalesce(f.amountChanges, [])) - 1, 0, -1) WHERE f.amountChanges[k] <= $asOf | f.amountChangeAmounts[k]][0], f.amount) END AS amount,
     CASE WHEN $asOf IS NULL THEN f.currency ELSE coalesce([k IN range(size(coalesce(f.amountChanges, [])) - 1, 0, -1) WHERE f.amountChanges[k] <= $asOf | f.amountChangeCurrencies[k]][0], f.currency) END AS currency
WITH a, f.year AS year, currency, collect(amount) AS amounts
ORDER BY currency
WITH a, year, collect({currency: currency, amounts: amounts}) AS totals
RETURN a AS authority, year, totals
ORDER BY a.name, year
