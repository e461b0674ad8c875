// Derived values: the current best figure of each incident and fine, stored where list queries
// filter and sort on them. Recomputed from the facts every time this file runs, so it always
// follows the data and can be loaded again at will (last, after any other seed file).
// It batches its writes, so the loader runs it in auto-commit transactions, as cypher-shell does.
//
// Incident.accountsAffected: the AFFECTED estimate with the latest as-of date (figures are
// revised over time); ties go to the more precise date, then to an exact figure over an
// approximate one (a bare figure, UNQUALIFIED, in between); undated estimates lose to dated ones.
// The date a figure was reported (reportedOn) plays no part: a later article is not a later figure.
MATCH (i:Incident)
CALL (i) {
  OPTIONAL CALL (i) {
    MATCH (i)-[:HAS_ESTIMATE]->(e:Estimate {metric: 'AFFECTED'})
    RETURN e
    ORDER BY coalesce(e.asOf, '') DESC,
             CASE e.qualifier WHEN 'EXACT' THEN 0 WHEN 'UNQUALIFIED' THEN 1 WHEN 'AT_LEAST' THEN 1 WHEN 'MORE_THAN' THEN 1 ELSE 2 END,
             e.id
    LIMIT 1
  }
  SET i.accountsAffected = e.value, i.accountsAffectedEstimate = e.id,
      // Sort keys (see "Sort keys" below).
      i.sortAccounts = coalesce(e.value, -1), i.sortTitle = toLower(i.title),
      i.sortDisclosedOn = coalesce(i.disclosedOn, ''), i.sortAccessStart = coalesce(i.accessStart, ''),
      // The date relatedIncidents ranks by: when it came to light, else when it began.
      i.sortRelDate = coalesce(i.disclosedOn, i.reportedOn, i.discoveredOn, i.accessStart, '')
} IN TRANSACTIONS OF 5000 ROWS;

// Fine.amount: the most precise report (the same decision reported with different rounding:
// KRW 134 billion, 134.8 billion, 134.79 billion), ties to the latest dated report.
// Fine.date: the most precise date reported, the latest among equally precise ones.
// Fine.amountKey: the amount zero-padded so that comparing strings compares amounts exactly.
MATCH (f:Fine)
CALL (f) {
  OPTIONAL CALL (f) {
    MATCH (f)-[:REPORTED_AS]->(r:FineReport) WHERE r.amount IS NOT NULL AND r.currency IS NOT NULL
    RETURN r AS byAmount
    ORDER BY CASE WHEN r.amount CONTAINS '.' THEN size(ltrim(replace(r.amount, '.', ''), '0'))
                  ELSE size(rtrim(ltrim(r.amount, '0'), '0')) END DESC,
             coalesce(r.date, '') DESC, r.id
    LIMIT 1
  }
  OPTIONAL CALL (f) {
    MATCH (f)-[:REPORTED_AS]->(r:FineReport) WHERE r.date IS NOT NULL
    RETURN r AS byDate
    ORDER BY size(r.date) DESC, r.date DESC, r.id
    LIMIT 1
  }
  SET f.amount = byAmount.amount, f.currency = byAmount.currency,
      f.amountKey = CASE WHEN byAmount IS NULL THEN null ELSE
        right('000000000000000000000000' + split(byAmount.amount, '.')[0], 24) + '.' +
        left(coalesce(split(byAmount.amount, '.')[1], '') + '000000', 6) END,
      f.date = byDate.date, f.dateAsReported = byDate.dateAsReported,
      f.year = CASE WHEN byDate IS NULL THEN null ELSE toInteger(left(byDate.date, 4)) END
  // Sort keys: amounts compare within a currency, grouped by currency.
  WITH f
  SET f.sortAmount = coalesce(f.currency, '') + ' ' + coalesce(f.amountKey, ''), f.sortDate = coalesce(f.date, '')
} IN TRANSACTIONS OF 5000 ROWS;

// Sort keys: what root lists sort by, stored so that an index walks a list in order and stops
// after one page (cypher/schema/constraints.cypher indexes them). Never null: a missing value is
// '' (or -1 for counts), which sorts first ascending and last descending, as the API documents;
// names and titles compare case-insensitively.
MATCH (n:Investigation)
CALL (n) { SET n.sortOpenedOn = coalesce(n.openedOn, ''), n.sortTitle = toLower(n.title) } IN TRANSACTIONS OF 5000 ROWS;
MATCH (n:Company)
CALL (n) { SET n.sortName = toLower(coalesce(n.name, '')) } IN TRANSACTIONS OF 5000 ROWS;
MATCH (n:Authority)
CALL (n) { SET n.sortName = toLower(coalesce(n.name, '')) } IN TRANSACTIONS OF 5000 ROWS;
MATCH (n:Person)
CALL (n) { SET n.sortName = toLower(coalesce(n.name, '')) } IN TRANSACTIONS OF 5000 ROWS;
MATCH (n:Source)
CALL (n) { SET n.sortPublishedOn = coalesce(n.publishedOn, '') } IN TRANSACTIONS OF 5000 ROWS;

// DataCategory.exposedIncidents: how many incidents exposed the category (stats read it instead
// of counting every exposure on each request).
MATCH (d:DataCategory)
CALL (d) {
  SET d.exposedIncidents = COUNT { (d)<-[:OF_CATEGORY]-(:DataExposure {exposed: true})<-[:HAS_EXPOSURE]-(:Incident) }
} IN TRANSACTIONS OF 100 ROWS;
