// As Stats.finesByAuthorityAndYear, across authorities: exact sums in the server, filters null when not asked.
MATCH (a:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amount IS NOT NULL
  AND ($country IS NULL OR EXISTS { (a)-[:IN_COUNTRY]->(:Country {id: $country}) })
  AND ($fromYear IS NULL OR f.year >= $fromYear) AND ($toYear IS NULL OR f.year <= $toYear)
  AND ($currency IS NULL OR f.currency = $currency) AND ($minAmountKey IS NULL OR f.amountKey >= $minAmountKey)
WITH f.year AS year, f.currency AS currency, collect(f.amount) AS amounts
ORDER BY currency
WITH year, collect({currency: currency, amounts: amounts}) AS totals
RETURN year, totals
ORDER BY year
