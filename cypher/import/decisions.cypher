// Rows without an amount: a decision of the authority against the party, reported without one
// (an Event of kind DECISION, or NOTICE_OF_INTENT for an announced intention to fine), never a
// fine of 0. Keyed by its row; sourced as the fines are.
UNWIND $rows AS r
MATCH (a:Authority {id: r.authority}), (c:Company {id: r.company}), (cat:Source {id: $source}), (link:Source {id: r.link})
MERGE (e:Event:Entity {id: r.id})
SET e.catalogue = $catalogue, e.row = r.row, e.kind = r.kind, e.title = r.title, e.description = r.description,
    e.date = r.date, e.dateAsReported = r.dateAsReported, e.articles = r.articles, e.violationType = r.violationType,
    e.amounts = [], e.amountCurrencies = [], e.amountLabels = []
MERGE (a)-[:ORGANIZED]->(e)
MERGE (e)-[:AGAINST]->(c)
MERGE (e)-[s1:SOURCED_FROM {claim: 'general'}]->(cat)
SET s1.attribution = 'row ' + r.row, s1.attributedTo = $publisher, s1.about = []
MERGE (e)-[s2:SOURCED_FROM {claim: 'general'}]->(link)
SET s2.attribution = 'per the catalogue', s2.attributedTo = null, s2.about = []
