// Rows that repeat an event of another source (the seeds' ICO notice of intent to fine British
// Airways): the row becomes one more source of that event, which stays as its sources give it.
// Each link carries the catalogue and the row: a later run finds the row by them (attached
// .cypher), and --remove takes them back. The row's link is not cited twice when the event
// already cites it.
UNWIND $rows AS r
MATCH (e:Event {id: r.event}), (cat:Source {id: $source}), (link:Source {id: r.link})
MERGE (e)-[s1:SOURCED_FROM {claim: 'general', catalogue: $catalogue, row: r.row}]->(cat)
SET s1.attribution = 'row ' + r.row, s1.attributedTo = $publisher, s1.about = []
WITH e, r, link
WHERE NOT EXISTS { (e)-[x:SOURCED_FROM]->(link) WHERE coalesce(x.catalogue, '') <> $catalogue }
MERGE (e)-[s2:SOURCED_FROM {claim: 'general', catalogue: $catalogue, row: r.row}]->(link)
SET s2.attribution = 'per the catalogue', s2.attributedTo = null, s2.about = []
