// The sources behind any entity, with what each SOURCED_FROM link itself says.
UNWIND $keys AS key
MATCH (:Entity {id: key})-[r:SOURCED_FROM]->(s:Source)
RETURN key, {
  source: s {.*, _labels: labels(s)},
  attribution: r.attribution,
  attributedTo: r.attributedTo,
  about: coalesce(r.about, [])
} AS node
ORDER BY key, s.publishedOn, s.id
