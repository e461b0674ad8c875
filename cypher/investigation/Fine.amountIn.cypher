// Fine.amountIn(currency): the amount in $currency at the ECB reference rates of the day
// seeds/99-derived-values.cypher chose for the fine (rateDate, rateRule, and eurAmount: the amount
// in euros at that day's rates), one seek into seeds/07-ecb-reference-rates.cypher; in the fine's
// own currency, the exact amount and the report it comes from. $currency is an ECB series code or
// EUR (checked by the resolver); $rateSource names the series (src/money/ecbSeries.ts).
// Rounded to cents through integers, so the amount is an exact decimal string, never 1.2E10.
WITH this WHERE this.currency = $currency OR this.eurAmount IS NOT NULL
OPTIONAL MATCH (d:EcbRates {date: this.rateDate})
WITH this, d, this.currency = $currency AS same,
     CASE WHEN $currency = 'EUR' THEN 1.0 ELSE [k IN range(0, size(coalesce(d.currencies, [])) - 1) WHERE d.currencies[k] = $currency | d.rates[k]][0] END AS target,
     CASE WHEN this.currency = 'EUR' THEN 1.0 ELSE [k IN range(0, size(coalesce(d.currencies, [])) - 1) WHERE d.currencies[k] = this.currency | d.rates[k]][0] END AS own
WHERE same OR target IS NOT NULL
WITH this, d, same, target, own, toInteger(round(this.eurAmount * target * 100)) AS cents
OPTIONAL MATCH (this)-[:REPORTED_AS]->(r:FineReport {id: this.amountReport}) WHERE same
RETURN CASE WHEN same THEN {amount: this.amount, currency: this.currency}
            ELSE {amount: toString(cents / 100) + '.' + right('0' + toString(cents % 100), 2), currency: $currency} END AS money,
       CASE WHEN same THEN 'SAME_CURRENCY' ELSE 'REFERENCE_RATE' END AS basis,
       r AS report,
       CASE WHEN same THEN null ELSE target / own END AS rate,
       CASE WHEN same THEN null ELSE d.date END AS rateDate,
       CASE WHEN same THEN null ELSE this.rateRule END AS rateRule,
       CASE WHEN same THEN null ELSE $rateSource END AS rateSource
