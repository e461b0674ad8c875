// The catalogue as a Source, with its publisher: every imported row cites it.
MERGE (p:Publisher:Entity {id: $publisher.id})
ON CREATE SET p.name = $publisher.name, p.aliases = [], p.catalogue = $catalogue
MERGE (s:Source:Entity {id: $source.id})
ON CREATE SET s.catalogue = $catalogue
SET s.kind = 'DATASET', s.title = $source.title, s.url = $source.url, s.publishedOn = $source.publishedOn,
    s.dateNote = $source.dateNote, s.language = 'en'
MERGE (s)-[:PUBLISHED_BY]->(p)
