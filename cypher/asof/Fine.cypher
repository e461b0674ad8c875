// Fine properties as known on a day ($asOf; src/read/asOf.ts): the amount of the report chosen
// among the reports known by then, with its rule (the last of amountChanges on or before the day;
// seeds/99-derived-values.cypher); the current one when no report of it was known yet (a fine
// known from its own source before any report of its amount). Conversions (amountIn,
// amountInUSD) and the decision date stay the current best report's.
RETURN
  coalesce([k IN range(size(coalesce(this.amountChanges, [])) - 1, 0, -1) WHERE this.amountChanges[k] <= $asOf | this.amountChangeAmounts[k]][0], this.amount) AS amount,
  coalesce([k IN range(size(coalesce(this.amountChanges, [])) - 1, 0, -1) WHERE this.amountChanges[k] <= $asOf | this.amountChangeCurrencies[k]][0], this.currency) AS currency,
  coalesce([k IN range(size(coalesce(this.amountChanges, [])) - 1, 0, -1) WHERE this.amountChanges[k] <= $asOf | this.amountChangeReports[k]][0], this.amountReport) AS amountReport,
  coalesce([k IN range(size(coalesce(this.amountChanges, [])) - 1, 0, -1) WHERE this.amountChanges[k] <= $asOf | this.amountChangeRules[k]][0], this.amountRule) AS amountRule,
  coalesce([k IN range(size(coalesce(this.amountChanges, [])) - 1, 0, -1) WHERE this.amountChanges[k] <= $asOf | this.amountChangeCompared[k]][0], this.amountCompared) AS amountCompared,
  coalesce([u IN split([k IN range(size(coalesce(this.amountChanges, [])) - 1, 0, -1) WHERE this.amountChanges[k] <= $asOf | this.amountChangeOtherCurrencies[k]][0], '\t') WHERE u <> ''], this.amountOtherCurrencies) AS amountOtherCurrencies
