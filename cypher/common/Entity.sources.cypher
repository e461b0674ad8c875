// SourceRef: the sources behind any entity, with what each SOURCED_FROM link itself says.
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
RETURN n AS source, r.attribution AS attribution, who AS attributedTo, coalesce(r.about, []) AS about
ORDER BY n.publishedOn, n.id, r.attribution
