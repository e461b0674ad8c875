// Kind 5: an authority's fines of at least an amount in one currency, largest first (the id,
// descending, breaks ties as this API's AMOUNT DESC order does). amountKey is the zero-padded
// amount seeds/99-derived-values.cypher stores, so comparing strings compares amounts exactly.
// Anchored on the authority and its few fines: WITH DISTINCT keeps the planner from seeking the
// (currency, amountKey) index instead, whose range holds a large share of all fines (at 10k
// incidents: 8,263 db hits that way, 115 this way).
MATCH (:Authority {id: $authority})-[:IMPOSED]->(f:Fine)
WITH DISTINCT f
WHERE f.currency = $currency AND f.amountKey >= $minAmountKey
RETURN f {.id, .amount, .currency, .date} AS row
ORDER BY f.amountKey DESC, f.id DESC
LIMIT 20
