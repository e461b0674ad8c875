// FineSortField.AMOUNT_CONVERTED: the fine's amount in $sortBy as Fine.amountIn gives it (the exact
// amount in its own currency, else eurAmount at the ECB rates of rateDate), -1 when it has none
// (first ascending, last descending). A seek per fine into the rates: no index holds this order.
CASE WHEN n.currency = $sortBy THEN toFloat(n.amount)
     WHEN n.eurAmount IS NULL THEN -1.0
     WHEN $sortBy = 'EUR' THEN n.eurAmount
     ELSE coalesce(n.eurAmount * COLLECT { MATCH (d:EcbRates {date: n.rateDate})
       RETURN [k IN range(0, size(d.currencies) - 1) WHERE d.currencies[k] = $sortBy | d.rates[k]][0] AS r }[0], -1.0) END
