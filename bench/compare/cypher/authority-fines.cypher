// Kind 5: an authority's fines of at least an amount in one currency, largest first (the id,
// descending, breaks ties as this API's AMOUNT DESC order does). amountKey is the zero-padded
// amount seeds/99-derived-values.cypher stores, so comparing strings compares amounts exactly.
MATCH (:Authority {id: $authority})-[:IMPOSED]->(f:Fine)
WHERE f.currency = $currency AND f.amountKey >= $minAmountKey
RETURN f {.id, .amount, .currency, .date} AS row
ORDER BY f.amountKey DESC, f.id DESC
LIMIT 20
