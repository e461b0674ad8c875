// addSource: the source, its publisher, and its Change (src/modules/curation/), in the caller's
// transaction. The derived values a source carries (sortPublishedOn, searchAttributions) are set
// as seeds/99-derived-values.cypher sets them.
MATCH (p:Publisher {id: $publisher})
CREATE (s:Source:Entity {id: $id})
SET s.url = $url, s.title = $title, s.kind = $kind, s.publishedOn = $publishedOn, s.language = $language,
    s.sortPublishedOn = coalesce($publishedOn, ''), s.searchAttributions = []
CREATE (s)-[:PUBLISHED_BY]->(p)
CREATE (c:Change {id: $change.id})
SET c += $change
CREATE (c)-[:CHANGED]->(s)
CREATE (c)-[:CITED]->(s)
RETURN s {.*, _labels: labels(s)} AS source, c.id AS change
