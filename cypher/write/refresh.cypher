// The derived values of the nodes a curated write touched, chosen again in the write's own
// statement (the second part of "write/apply+write/refresh", src/write/mutate.ts), so no read ever sees a stale best value, total, sort key or
// search text: the same rules in the same words as seeds/99-derived-values.cypher (each block
// below is one of its bodies, verbatim; test/curation/derived.test.ts holds the two together and
// checks that a full run of the seed file after curated writes changes nothing).
// $ids: every node the write created, changed, relabelled, or linked or unlinked. From them: the
// fines (themselves, or the fine a report is of), the incidents (themselves, or the one a fact
// hangs on), the authorities that imposed those fines, the data categories of exposures.
CALL () {
  UNWIND $ids AS id
  MATCH (n:Entity {id: id})
  RETURN collect(n) AS touched
}
CALL (touched) {
  UNWIND touched AS n
  UNWIND CASE WHEN n:Fine THEN [n] ELSE [] END + [(n)<-[:REPORTED_AS]-(f:Fine) | f] AS f
  RETURN collect(DISTINCT f) AS fines
}
CALL (touched) {
  UNWIND touched AS n
  UNWIND CASE WHEN n:Incident THEN [n] ELSE [] END
    + [(n)<-[:HAS_ESTIMATE|HAS_EXPOSURE]-(i:Incident) | i]
    + [(n)-[:ABOUT|CONCERNS|INTO|IN_INCIDENT|FOR_INCIDENT]->(i:Incident) | i]
    + [(n)<-[:REPORTED_AS]-(:Fine)-[:FOR_INCIDENT]->(i:Incident) | i] AS i
  RETURN collect(DISTINCT i) AS incidents
}
CALL (touched, fines) {
  UNWIND [n IN touched WHERE n:Authority] + COLLECT { UNWIND fines AS f MATCH (a:Authority)-[:IMPOSED]->(f) RETURN a } AS a
  RETURN collect(DISTINCT a) AS authorities
}
CALL (touched) {
  UNWIND [n IN touched WHERE n:DataCategory] + COLLECT { UNWIND touched AS n MATCH (n:DataExposure)-[:OF_CATEGORY]->(d:DataCategory) RETURN d } AS d
  RETURN collect(DISTINCT d) AS categories
}
// MATCH (n:Incident|Estimate|Fine|FineReport|Investigation|Statement|Event|Suspicion|DataExposure|Position|Source)
CALL (touched, fines, incidents) {
  UNWIND touched + fines + incidents AS n
  WITH DISTINCT n WHERE n:Incident OR n:Estimate OR n:Fine OR n:FineReport OR n:Investigation OR n:Statement OR n:Event
                     OR n:Suspicion OR n:DataExposure OR n:Position OR n:Source
  CALL (n) {
  WITH n, COLLECT { MATCH (n)-[:REPORTED_AS]->{0,1}()-[:SOURCED_FROM]->(s:Source) WHERE s.publishedOn IS NOT NULL RETURN s.publishedOn } AS published
  WITH n, [d IN published + CASE
        WHEN n:Source THEN [n.publishedOn]
        WHEN n:Incident THEN [n.disclosedOn, n.reportedOn]
        WHEN n:Estimate THEN [n.reportedOn]
        WHEN n:Fine THEN COLLECT { MATCH (n)-[:REPORTED_AS]->(r:FineReport) WHERE r.date IS NOT NULL RETURN r.date }
        WHEN n:Investigation THEN [n.openedOn]
        WHEN n:Statement OR n:Event THEN [n.date, n.reportedOn]
        ELSE [] END WHERE d IS NOT NULL] AS dates
  WITH n, CASE WHEN size(dates) > 0 THEN dates WHEN n:Estimate AND n.asOf IS NOT NULL THEN [n.asOf]
               WHEN n:FineReport AND n.date IS NOT NULL THEN [n.date] ELSE [] END AS dates
  WITH n, [d IN dates | CASE WHEN d CONTAINS '/' THEN split(d, '/')[1] ELSE d END] AS ends
  SET n.knownOn = reduce(first = null, e IN [d IN ends | CASE size(d) WHEN 4 THEN d + '-12-31'
        WHEN 7 THEN toString(date(d + '-01') + duration({months: 1}) - duration({days: 1})) ELSE d END]
        | CASE WHEN first IS NULL OR e < first THEN e ELSE first END)
}
}
// MATCH (:Incident)-[r:FOLLOWS_SIMILAR]->(:Incident)
CALL (incidents) {
  UNWIND incidents AS i
  MATCH (i)-[r:FOLLOWS_SIMILAR]->(:Incident)
  CALL (r) {
  OPTIONAL MATCH (s:Source {id: r.source})
  WITH r, CASE WHEN s.publishedOn CONTAINS '/' THEN split(s.publishedOn, '/')[1] ELSE s.publishedOn END AS d
  SET r.knownOn = CASE size(d) WHEN 4 THEN d + '-12-31'
        WHEN 7 THEN toString(date(d + '-01') + duration({months: 1}) - duration({days: 1})) ELSE d END
}
}
// MATCH (n:Company|Authority|Person|Publisher)
CALL (touched, fines, incidents) {
  UNWIND touched + fines + incidents AS t
  UNWIND [t] + [(t)--(x) WHERE x:Company OR x:Authority OR x:Person OR x:Publisher | x] AS n
  WITH DISTINCT n WHERE n:Company OR n:Authority OR n:Person OR n:Publisher
  CALL (n) {
  WITH n, COLLECT { MATCH (n)--(x:Entity) WHERE x.knownOn IS NOT NULL AND NOT (x:Company OR x:Authority OR x:Person OR x:Publisher) RETURN x.knownOn } AS ends
  SET n.knownOn = reduce(first = null, e IN ends | CASE WHEN first IS NULL OR e < first THEN e ELSE first END)
}
}
// MATCH (i:Incident)
CALL (incidents) {
  UNWIND incidents AS i
  CALL (i) {
  UNWIND [['AFFECTED', 'accountsAffected', null], ['RECORDS_EXPOSED', 'recordsExposed', null],
          ['AFFECTED', 'peopleAffected', ['individuals', 'people', 'persons', 'consumers', 'customers', 'customers and staff',
                                          'residents', 'patients', 'employees', 'staff']]] AS m
  // The choice among every estimate (day null: the current best), then, for reads "as known on"
  // a day (asOf), the choice among those known by each day on which one of them became known
  // (knownOn, set above).
  UNWIND [null] + COLLECT { MATCH (i)-[:HAS_ESTIMATE]->(e:Estimate {metric: m[0]})
                            WHERE e.knownOn IS NOT NULL AND (m[2] IS NULL OR toLower(trim(e.unit)) IN m[2])
                            RETURN DISTINCT e.knownOn AS d ORDER BY d } AS day
  OPTIONAL CALL (i, m, day) {
    MATCH (i)-[:HAS_ESTIMATE]->(e:Estimate {metric: m[0]})
    WHERE (m[2] IS NULL OR toLower(trim(e.unit)) IN m[2]) AND (day IS NULL OR e.knownOn <= day)
    WITH e, toLower(trim(e.unit)) AS unit,
         CASE e.qualifier WHEN 'EXACT' THEN 0 WHEN 'UNQUALIFIED' THEN 1 WHEN 'AT_LEAST' THEN 1 WHEN 'MORE_THAN' THEN 1 ELSE 2 END AS exactness
    ORDER BY coalesce(e.asOf, '') DESC, exactness, e.id
    WITH unit, collect({e: e, exactness: exactness}) AS ranked
    ORDER BY ranked[0].exactness, size(ranked) DESC, ranked[0].e.id
    WITH collect(ranked) AS units WHERE size(units) > 0
    WITH units[0][0] AS top, units[0][1] AS next, size(units[0]) - 1 AS compared, [u IN units[1..] | u[0].e.unit] AS otherUnits
    RETURN top.e AS e, compared, otherUnits, CASE
      WHEN next IS NULL AND size(otherUnits) = 0 THEN 'ONLY_REPORT'
      WHEN next IS NULL THEN 'ONLY_IN_ITS_UNIT'
      WHEN coalesce(top.e.asOf, '') <> coalesce(next.e.asOf, '') AND next.e.asOf IS NOT NULL AND top.e.asOf STARTS WITH next.e.asOf THEN 'MORE_PRECISE_DATE'
      WHEN coalesce(top.e.asOf, '') <> coalesce(next.e.asOf, '') THEN 'LATEST_AS_OF'
      WHEN top.exactness < next.exactness THEN 'MORE_EXACT'
      WHEN top.e.value = next.e.value THEN 'AGREEING_REPORTS'
      ELSE 'TIE_BROKEN_BY_ID' END AS rule
  }
  WITH i, m, day, e, rule, compared, otherUnits ORDER BY coalesce(day, '')
  WITH i, m, collect({day: day, e: e, rule: rule, compared: compared, otherUnits: otherUnits}) AS choices
  WITH i, collect({metric: m[1], e: choices[0].e, rule: choices[0].rule, compared: choices[0].compared,
                   otherUnits: choices[0].otherUnits, dated: choices[1..]}) AS best
  WITH i, best, [b IN best WHERE b.metric = 'accountsAffected'][0] AS accounts, [b IN best WHERE b.metric = 'recordsExposed'][0] AS records,
       [b IN best WHERE b.metric = 'peopleAffected'][0] AS people
  SET i.accountsAffected = accounts.e.value, i.accountsAffectedEstimate = accounts.e.id,
      i.accountsAffectedRule = accounts.rule, i.accountsAffectedCompared = accounts.compared, i.accountsAffectedOtherUnits = accounts.otherUnits,
      i.recordsExposed = records.e.value, i.recordsExposedEstimate = records.e.id,
      i.recordsExposedRule = records.rule, i.recordsExposedCompared = records.compared, i.recordsExposedOtherUnits = records.otherUnits,
      i.sortRecords = coalesce(records.e.value, -1),
      i.peopleAffected = people.e.value, i.peopleAffectedEstimate = people.e.id,
      i.peopleAffectedRule = people.rule, i.peopleAffectedCompared = people.compared, i.peopleAffectedOtherUnits = people.otherUnits,
      i.sortPeople = coalesce(people.e.value, -1),
      // Sort keys (see "Sort keys" below).
      i.sortAccounts = coalesce(accounts.e.value, -1), i.sortTitle = toLower(i.title),
      i.sortDisclosedOn = coalesce(i.disclosedOn, ''), i.sortAccessStart = coalesce(i.accessStart, ''),
      // The date relatedIncidents ranks by: when it came to light, else when it began.
      i.sortRelDate = coalesce(i.disclosedOn, i.reportedOn, i.discoveredOn, i.accessStart, '')
  // Reads "as known on" a day (asOf): each metric's choice as it changed, one entry per day on
  // which the choice, its rule or the count compared changed (<metric>Changes, the days, with
  // the estimate, its value, rule, count compared and units not compared at each, tab-separated in a string
  // as a stored list cannot hold lists). As of D the choice is the last entry dated D or before.
  WITH i, [b IN best | {metric: b.metric, changes: [k IN range(0, size(b.dated) - 1)
        WHERE k = 0 OR b.dated[k - 1].e.id <> b.dated[k].e.id OR b.dated[k - 1].rule <> b.dated[k].rule
              OR b.dated[k - 1].compared <> b.dated[k].compared
        | {day: b.dated[k].day, rule: b.dated[k].rule, compared: b.dated[k].compared, id: b.dated[k].e.id, value: b.dated[k].e.value,
           otherUnits: reduce(s = '', u IN b.dated[k].otherUnits | s + CASE WHEN s = '' THEN '' ELSE '\t' END + u)}]}] AS histories,
       [accounts.e.id, records.e.id, people.e.id] AS chosen
  WITH i, histories, chosen, [h IN histories WHERE h.metric = 'accountsAffected'][0].changes AS a,
       [h IN histories WHERE h.metric = 'recordsExposed'][0].changes AS r, [h IN histories WHERE h.metric = 'peopleAffected'][0].changes AS p
  SET i.accountsAffectedChanges = [c IN a | c.day], i.accountsAffectedChangeIds = [c IN a | c.id], i.accountsAffectedChangeRules = [c IN a | c.rule],
      i.accountsAffectedChangeCompared = [c IN a | c.compared], i.accountsAffectedChangeOtherUnits = [c IN a | c.otherUnits],
      i.accountsAffectedChangeValues = [c IN a | c.value],
      i.recordsExposedChanges = [c IN r | c.day], i.recordsExposedChangeIds = [c IN r | c.id], i.recordsExposedChangeRules = [c IN r | c.rule],
      i.recordsExposedChangeCompared = [c IN r | c.compared], i.recordsExposedChangeOtherUnits = [c IN r | c.otherUnits],
      i.recordsExposedChangeValues = [c IN r | c.value],
      i.peopleAffectedChanges = [c IN p | c.day], i.peopleAffectedChangeIds = [c IN p | c.id], i.peopleAffectedChangeRules = [c IN p | c.rule],
      i.peopleAffectedChangeCompared = [c IN p | c.compared], i.peopleAffectedChangeOtherUnits = [c IN p | c.otherUnits],
      i.peopleAffectedChangeValues = [c IN p | c.value]
  WITH i, histories, chosen
  MATCH (i)-[:HAS_ESTIMATE]->(x:Estimate)
  // The day ranges in which x was a best value as known on each day (bestFrom <= D < bestUntil,
  // bestUntil '' while it still holds), with the metric: Estimate.isBest as of D.
  WITH x, chosen, reduce(all = [], h IN histories | all + [j IN range(0, size(h.changes) - 1) WHERE h.changes[j].id = x.id
        | {metric: h.metric, from: h.changes[j].day, until: coalesce(h.changes[j + 1].day, '')}]) AS ranges
  SET x.isBest = x.id IN chosen,
      x.bestMetrics = [r IN ranges | r.metric], x.bestFrom = [r IN ranges | r.from], x.bestUntil = [r IN ranges | r.until],
      // Its value where it was ever a metric's best (else null), indexed: the largest incidents as
      // known on a day walk these from the top (cypher/stats/Stats.largestIncidents.cypher).
      x.everBestAccounts = CASE WHEN 'accountsAffected' IN [r IN ranges | r.metric] THEN x.value END,
      x.everBestRecords = CASE WHEN 'recordsExposed' IN [r IN ranges | r.metric] THEN x.value END,
      x.everBestPeople = CASE WHEN 'peopleAffected' IN [r IN ranges | r.metric] THEN x.value END
}
}
// MATCH (i:Incident)-[r:IN_COUNTRY]->(c:Country)
CALL (incidents) {
  UNWIND incidents AS i
  MATCH (i)-[r:IN_COUNTRY]->(c:Country)
  CALL (i, r, c) {
  SET r.relatedKey = c.id + '\t' + i.sortRelDate
}
}
// MATCH (i:Incident)-[r:AFFECTED]->(c:Company)
CALL (incidents) {
  UNWIND incidents AS i
  MATCH (i)-[r:AFFECTED]->(c:Company)
  CALL (i, r, c) {
  SET r.relatedKey = CASE WHEN c.sector IS NULL THEN null ELSE c.sector + '\t' + i.sortRelDate END
}
}
// MATCH (i:Incident)
CALL (incidents) {
  UNWIND incidents AS i
  CALL (i) {
  OPTIONAL CALL (i) {
    MATCH (i)-[:SOURCED_FROM]->(s:Source) WHERE s.publishedOn IS NOT NULL
    RETURN s AS earliest ORDER BY s.publishedOn, s.id LIMIT 1
  }
  WITH i, earliest, CASE WHEN i.disclosedOn IS NOT NULL THEN 'DISCLOSED' WHEN i.reportedOn IS NOT NULL THEN 'REPORTED'
                         WHEN i.discoveredOn IS NOT NULL THEN 'DISCOVERED' WHEN earliest IS NOT NULL THEN 'SOURCE_PUBLISHED'
                         WHEN i.accessStart IS NOT NULL THEN 'ACCESS_STARTED' END AS basis
  WITH i, basis, CASE WHEN basis = 'SOURCE_PUBLISHED' THEN earliest.id END AS yearSource,
       coalesce(i.disclosedOn, i.reportedOn, i.discoveredOn, earliest.publishedOn, i.accessStart) AS dated
  SET i.datedOn = dated, i.yearBasis = basis, i.yearSource = yearSource,
      i.year = toInteger(left(dated, 4)),
      i.accessYear = toInteger(left(i.accessStart, 4))
}
}
// MATCH (f:Fine)
CALL (fines) {
  UNWIND fines AS f
  CALL (f) {
  // The choice among every report (day null: the current amount), then, for reads as known on a
  // day (asOf), among those known by each day on which one of them became known (knownOn, above).
  UNWIND [null] + COLLECT { MATCH (f)-[:REPORTED_AS]->(r:FineReport) WHERE r.knownOn IS NOT NULL AND r.amount IS NOT NULL AND r.currency IS NOT NULL
                            RETURN DISTINCT r.knownOn AS d ORDER BY d } AS day
  OPTIONAL CALL (f, day) {
    MATCH (f)-[:REPORTED_AS]->(r:FineReport) WHERE r.amount IS NOT NULL AND r.currency IS NOT NULL AND (day IS NULL OR r.knownOn <= day)
    WITH r, CASE WHEN r.amount CONTAINS '.' THEN size(ltrim(replace(r.amount, '.', ''), '0'))
                 ELSE size(rtrim(ltrim(r.amount, '0'), '0')) END AS digits
    ORDER BY digits DESC, coalesce(r.date, '') DESC, r.id
    WITH r.currency AS currency, collect({r: r, digits: digits}) AS ranked
    ORDER BY ranked[0].digits DESC, size(ranked) DESC, currency
    WITH collect(ranked) AS groups WHERE size(groups) > 0
    WITH groups[0] AS group, groups[0][0] AS top, groups[0][1] AS next, [g IN groups[1..] | g[0].r.currency] AS otherCurrencies
    RETURN top.r AS byAmount, size(group) - 1 AS compared, otherCurrencies, CASE
      WHEN next IS NULL AND size(otherCurrencies) = 0 THEN 'ONLY_REPORT'
      WHEN next IS NULL THEN 'ONLY_IN_ITS_UNIT'
      WHEN all(x IN group WHERE x.r.amount = top.r.amount) THEN 'AGREEING_REPORTS'
      WHEN top.digits > next.digits THEN 'MOST_PRECISE_AMOUNT'
      WHEN coalesce(top.r.date, '') <> coalesce(next.r.date, '') THEN 'LATEST_REPORT'
      ELSE 'TIE_BROKEN_BY_ID' END AS amountRule
  }
  WITH f, day, byAmount, compared, otherCurrencies, amountRule ORDER BY coalesce(day, '')
  WITH f, collect({day: day, r: byAmount, compared: compared, otherCurrencies: otherCurrencies, rule: amountRule}) AS choices
  WITH f, choices[0].r AS byAmount, choices[0].compared AS compared, choices[0].otherCurrencies AS otherCurrencies, choices[0].rule AS amountRule,
       choices[1..] AS dated
  // As known on a day: one entry per day on which the chosen report, its rule or the count
  // compared changed (amountChanges, the days, with the report, its amount and currency, the rule,
  // the count compared and the currencies not compared, tab-separated). As of D the amount is the
  // last entry dated D or before.
  WITH f, byAmount, compared, otherCurrencies, amountRule, [k IN range(0, size(dated) - 1)
        WHERE k = 0 OR dated[k - 1].r.id <> dated[k].r.id OR dated[k - 1].rule <> dated[k].rule OR dated[k - 1].compared <> dated[k].compared
        | dated[k]] AS changes
  SET f.amountChanges = [c IN changes | c.day], f.amountChangeReports = [c IN changes | c.r.id],
      f.amountChangeAmounts = [c IN changes | c.r.amount], f.amountChangeCurrencies = [c IN changes | c.r.currency],
      f.amountChangeRules = [c IN changes | c.rule], f.amountChangeCompared = [c IN changes | c.compared],
      f.amountChangeOtherCurrencies = [c IN changes | reduce(s = '', u IN c.otherCurrencies | s + CASE WHEN s = '' THEN '' ELSE '\t' END + u)]
  WITH f, byAmount, compared, otherCurrencies, amountRule
  OPTIONAL CALL (f) {
    MATCH (f)-[:REPORTED_AS]->(r:FineReport) WHERE r.date IS NOT NULL
    RETURN r AS byDate
    ORDER BY size(r.date) DESC, r.date DESC, r.id
    LIMIT 1
  }
  OPTIONAL CALL (f, byAmount) {
    MATCH (f)-[:REPORTED_AS]->(r:FineReport) WHERE 'USD' IN r.conversionCurrencies
    RETURN r AS byUsd, [k IN range(0, size(r.conversionCurrencies) - 1) WHERE r.conversionCurrencies[k] = 'USD' | r.conversionAmounts[k]][0] AS quotedUsd
    ORDER BY CASE WHEN r.id = byAmount.id THEN 0 ELSE 1 END,
             CASE WHEN r.amount CONTAINS '.' THEN size(ltrim(replace(r.amount, '.', ''), '0')) ELSE size(rtrim(ltrim(r.amount, '0'), '0')) END DESC,
             r.id
    LIMIT 1
  }
  WITH f, byAmount, byDate, amountRule, compared, otherCurrencies,
       CASE WHEN byAmount.currency = 'USD' THEN byAmount.amount ELSE quotedUsd END AS usd,
       CASE WHEN byAmount.currency = 'USD' THEN 'SAME_CURRENCY' WHEN quotedUsd IS NOT NULL THEN 'QUOTED' END AS usdBasis,
       CASE WHEN byAmount.currency = 'USD' THEN byAmount.id ELSE byUsd.id END AS usdReport
  SET f.amount = byAmount.amount, f.currency = byAmount.currency,
      f.amountKey = CASE WHEN byAmount IS NULL THEN null ELSE
        right('000000000000000000000000' + split(byAmount.amount, '.')[0], 24) + '.' +
        left(coalesce(split(byAmount.amount, '.')[1], '') + '000000', 6) END,
      f.amountReport = byAmount.id, f.amountRule = amountRule, f.amountCompared = compared, f.amountOtherCurrencies = otherCurrencies,
      f.usdAmount = usd, f.usdBasis = usdBasis, f.usdReport = usdReport,
      f.sortUsd = CASE WHEN usd IS NULL THEN '' ELSE
        right('000000000000000000000000' + split(usd, '.')[0], 24) + '.' + left(coalesce(split(usd, '.')[1], '') + '000000', 6) END,
      f.date = byDate.date, f.dateAsReported = byDate.dateAsReported,
      f.year = CASE WHEN byDate IS NULL THEN null ELSE toInteger(left(byDate.date, 4)) END
  // Sort keys: amounts compare within a currency, grouped by currency.
  WITH f, byAmount
  SET f.sortAmount = coalesce(f.currency, '') + ' ' + coalesce(f.amountKey, ''), f.sortDate = coalesce(f.date, '')
  // Fine.eurAmount: the amount in euros at the ECB reference rate (seeds/07-ecb-reference-rates.cypher)
  // of the decision date: that day's rate (DECISION_DAY), else the latest the ECB published before
  // it (LATEST_BEFORE: none on weekends and TARGET holidays); for a month, quarter or year, the last
  // rate published in that period (LAST_IN_PERIOD). rateDate is the day of the rates used. None (all
  // three null) for an undated fine, a currency the ECB did not publish that day, a date before the
  // series or one ending after its last day (regenerate the file: scripts/ecbRates.ts). Fine.amountIn
  // converts from it with the same day's rates, and FineSortField.AMOUNT_CONVERTED ranks by it.
  WITH f, byAmount
  OPTIONAL CALL (f) {
    WITH f, CASE WHEN f.date CONTAINS '/' THEN split(f.date, '/')[1] ELSE f.date END AS period
    WITH f, period, CASE size(period) WHEN 4 THEN period + '-12-31' WHEN 7 THEN period + '-31' ELSE period END AS until
    WHERE until <= COLLECT { MATCH (x:EcbRates) WHERE x.date IS NOT NULL RETURN x.date AS d ORDER BY d DESC LIMIT 1 }[0]
    MATCH (r:EcbRates) WHERE r.date <= until
    WITH f, period, r ORDER BY r.date DESC LIMIT 1
    WITH f, period, r, CASE f.currency WHEN 'EUR' THEN 1.0 ELSE [k IN range(0, size(r.currencies) - 1) WHERE r.currencies[k] = f.currency | r.rates[k]][0] END AS own
    WHERE own IS NOT NULL
    RETURN r.date AS rateDate, toFloat(f.amount) / own AS eur,
      CASE WHEN size(period) < 10 THEN 'LAST_IN_PERIOD' WHEN r.date = period THEN 'DECISION_DAY' ELSE 'LATEST_BEFORE' END AS rateRule
  }
  SET f.eurAmount = eur, f.rateDate = rateDate, f.rateRule = rateRule
  WITH f, byAmount
  MATCH (f)-[:REPORTED_AS]->(x:FineReport)
  // The day ranges in which x was the fine's chosen report as known on each day (bestFrom <= D <
  // bestUntil, '' while it still holds): FineReport.isBest as of D.
  WITH x, byAmount, [j IN range(0, size(f.amountChanges) - 1) WHERE f.amountChangeReports[j] = x.id
                     | [f.amountChanges[j], coalesce(f.amountChanges[j + 1], '')]] AS ranges
  SET x.isBest = byAmount IS NOT NULL AND x.id = byAmount.id,
      x.bestFrom = [r IN ranges | r[0]], x.bestUntil = [r IN ranges | r[1]]
}
}
// MATCH (f:Fine)
CALL (fines) {
  UNWIND fines AS f
  CALL (f) {
  OPTIONAL CALL (f) {
    MATCH (f)-[:REPORTED_AS]->{0,1}()-[:SOURCED_FROM]->(s:Source) WHERE s.publishedOn IS NOT NULL
    RETURN s AS earliest ORDER BY s.publishedOn, s.id LIMIT 1
  }
  SET f.knownBy = coalesce(f.date, earliest.publishedOn),
      f.knownByBasis = CASE WHEN f.date IS NOT NULL THEN 'DECIDED' WHEN earliest IS NOT NULL THEN 'SOURCE_PUBLISHED' END,
      f.knownBySource = CASE WHEN f.date IS NULL THEN earliest.id END
}
}
// MATCH (a:Authority)
CALL (authorities) {
  UNWIND authorities AS a
  CALL (a) {
  CALL (a) {
    MATCH (a)-[:IMPOSED]->(f:Fine)
    WITH f, split(f.date, '/')[0] AS dated
    WITH f, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
    ORDER BY CASE WHEN day IS NULL THEN 1 ELSE 0 END, day DESC, size(dated) DESC, f.id
    LIMIT 25
    RETURN collect(f.id) AS newest
  }
  SET a.newestFineIds = newest
}
}
// MATCH (n:Investigation)
CALL (touched) {
  UNWIND touched AS n
  WITH n WHERE n:Investigation
  CALL (n) {
  OPTIONAL CALL (n) {
    MATCH (n)-[:SOURCED_FROM]->(s:Source) WHERE s.publishedOn IS NOT NULL
    RETURN s AS earliest ORDER BY s.publishedOn, s.id LIMIT 1
  }
  SET n.knownBy = coalesce(n.openedOn, earliest.publishedOn),
      n.knownByBasis = CASE WHEN n.openedOn IS NOT NULL THEN 'OPENED' WHEN earliest IS NOT NULL THEN 'SOURCE_PUBLISHED' END,
      n.knownBySource = CASE WHEN n.openedOn IS NULL THEN earliest.id END
}
}
// MATCH (n:Investigation)
CALL (touched) {
  UNWIND touched AS n
  WITH n WHERE n:Investigation
  CALL (n) { SET n.sortOpenedOn = coalesce(n.openedOn, ''), n.sortTitle = toLower(n.title) }
}
// MATCH (n:Company)
CALL (touched) {
  UNWIND touched AS n
  WITH n WHERE n:Company
  CALL (n) { SET n.sortName = toLower(coalesce(n.name, '')) }
}
// MATCH (n:Authority)
CALL (touched) {
  UNWIND touched AS n
  WITH n WHERE n:Authority
  CALL (n) { SET n.sortName = toLower(coalesce(n.name, '')) }
}
// MATCH (n:Person)
CALL (touched) {
  UNWIND touched AS n
  WITH n WHERE n:Person
  CALL (n) { SET n.sortName = toLower(coalesce(n.name, '')) }
}
// MATCH (n:Source)
CALL (touched) {
  UNWIND touched AS n
  WITH n WHERE n:Source
  CALL (n) { SET n.sortPublishedOn = coalesce(n.publishedOn, '') }
}
// MATCH (n:Statement|Event)
CALL (touched) {
  UNWIND touched AS n
  WITH n WHERE n:Statement OR n:Event
  CALL (n) {
  WITH n, split(coalesce(n.date, n.reportedOn), '/')[0] AS d
  SET n.listDate = CASE WHEN d IS NULL THEN null ELSE left(d + substring('0000-01-01', size(d)), 10) END,
      n.sortDate = CASE WHEN d IS NULL THEN '' ELSE left(d + substring('0000-01-01', size(d)), 10) END
}
}
// MATCH (n:Incident)
CALL (incidents) {
  UNWIND incidents AS n
  CALL (n) {
  WITH n, [(n)-[r:SOURCED_FROM]->() WHERE r.attribution IS NOT NULL | r.attribution]
        + [(n)-[:HAS_EXPOSURE|HAS_ESTIMATE]->()-[r:SOURCED_FROM]->() WHERE r.attribution IS NOT NULL | r.attribution]
        + [(n)<-[:ABOUT|CONCERNS|INTO|IN_INCIDENT|FOR_INCIDENT]-()-[r:SOURCED_FROM]->() WHERE r.attribution IS NOT NULL | r.attribution] AS found
  // Attributions once each, sorted like the exposure details below.
  CALL (found) { UNWIND found AS a WITH DISTINCT a ORDER BY a RETURN collect(a) AS attributions }
  SET n.searchAttributions = attributions,
      // Sorted, so the stored value does not depend on the order the relationships were written in.
      n.searchExposed = COLLECT { MATCH (n)-[:HAS_EXPOSURE]->(e:DataExposure {exposed: true})-[:OF_CATEGORY]->(d)
        WITH coalesce(e.detail + ' (' + d.name + ')', d.name) AS t ORDER BY t RETURN t },
      n.searchNotExposed = COLLECT { MATCH (n)-[:HAS_EXPOSURE]->(e:DataExposure {exposed: false})-[:OF_CATEGORY]->(d)
        WITH coalesce(e.detail + ' (' + d.name + ')', d.name) AS t ORDER BY t RETURN t }
}
}
// MATCH (n:Company|Authority|Person|Source|Statement|Event|Publisher)
CALL (touched) {
  UNWIND touched AS n
  WITH n WHERE n:Company OR n:Authority OR n:Person OR n:Source OR n:Statement OR n:Event OR n:Publisher
  CALL (n) {
  WITH n, [(n)-[r:SOURCED_FROM]->() WHERE r.attribution IS NOT NULL | r.attribution] AS found
  CALL (found) { UNWIND found AS a WITH DISTINCT a ORDER BY a RETURN collect(a) AS attributions }
  SET n.searchAttributions = attributions
}
}
// MATCH (d:DataCategory)
CALL (categories) {
  UNWIND categories AS d
  CALL (d) {
  SET d.exposedIncidents = COUNT { (d)<-[:OF_CATEGORY]-(:DataExposure {exposed: true})<-[:HAS_EXPOSURE]-(:Incident) }
}
}
// The change and its sources (from cypher/write/apply.cypher, the first part of this statement),
// and the records the write's payload returns ($returned), read after the values above were chosen.
RETURN change, sources, [id IN $returned | COLLECT { MATCH (n:Entity {id: id}) RETURN n {.*, _labels: labels(n)} }[0]] AS nodes
