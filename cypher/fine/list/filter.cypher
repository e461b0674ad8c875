WITH DISTINCT n
WHERE ($f.company IS NULL OR EXISTS { (n)-[:AGAINST]->(:Company {id: $f.company}) })
  AND ($f.authority IS NULL OR EXISTS { (n)<-[:IMPOSED]-(:Authority {id: $f.authority}) })
  AND ($f.currency IS NULL OR n.currency = $f.currency)
  AND ($f.year IS NULL OR n.year = $f.year)
  AND ($f.minAmountKey IS NULL OR n.amountKey >= $f.minAmountKey)
// The sort key: each field of $sort in turn, joined by \u0001 (below any character in the
// data) so that comparing the joined strings compares the tuples.
WITH n, reduce(k = '', s IN $sort | k + CASE s
  // Amounts compare within a currency: grouped by currency, then exactly by amount.
  WHEN 'AMOUNT' THEN coalesce(n.currency, '') + ' ' + coalesce(n.amountKey, '')
  WHEN 'DATE' THEN coalesce(n.date, '')
  ELSE '' END + '\u0001') AS k
