// Read as known on a day ($asOf; the plain form leaves it out): the fines known by then, ranked by
// their current best amount (the reports of one decision differ in rounding only).
// The imposing authority's country. amountKey is the amount zero-padded (seeds/99-derived-values.cypher):
// comparing it compares amounts exactly, and only within a currency.
MATCH (c:Country)<-[:IN_COUNTRY]-(:Authority)-[:IMPOSED]->(f:Fine)
WHERE f.amountKey IS NOT NULL AND ($currency IS NULL OR f.currency = $currency) AND ($asOf IS NULL OR f.knownOn <= $asOf)
WITH c, f ORDER BY f.amountKey DESC, f.id
WITH c, f.currency AS currency, collect(f) AS ranked
WITH c, currency, ranked[0] AS fine, size(ranked) AS compared
RETURN c AS country, currency, fine, compared AS fines
ORDER BY c.name, currency
