// Rows with an amount: each is one report (FineReport) of a fine, keyed by its row. The fine is
// one this catalogue created, or one already in the graph from another source (then only the
// report is added: curated facts stay as they are, and a disagreement is a second report).
// Provenance: the report (and a fine created here) cites the catalogue for the row and the row's
// link, "per the catalogue".
UNWIND $rows AS r
MATCH (a:Authority {id: r.authority}), (c:Company {id: r.company}), (cat:Source {id: $source}), (link:Source {id: r.link})
MERGE (f:Fine:Entity {id: r.fine})
ON CREATE SET f.catalogue = $catalogue, f.kind = r.kind, f.reason = r.reason, f.articles = r.articles
MERGE (a)-[:IMPOSED]->(f)
MERGE (f)-[:AGAINST]->(c)
MERGE (rep:FineReport:Entity {id: r.id})
SET rep.catalogue = $catalogue, rep.row = r.row, rep.amount = r.amount, rep.currency = r.currency,
    rep.date = r.date, rep.dateAsReported = r.dateAsReported, rep.articles = r.articles, rep.violationType = r.violationType,
    rep.conversionAmounts = [], rep.conversionCurrencies = []
MERGE (f)-[:REPORTED_AS]->(rep)
WITH r, f, rep, cat, link
UNWIND CASE WHEN f.catalogue = $catalogue THEN [f, rep] ELSE [rep] END AS n
MERGE (n)-[s1:SOURCED_FROM {claim: 'general'}]->(cat)
SET s1.attribution = 'row ' + r.row, s1.attributedTo = $publisher, s1.about = []
MERGE (n)-[s2:SOURCED_FROM {claim: 'general'}]->(link)
SET s2.attribution = 'per the catalogue', s2.attributedTo = null, s2.about = []
