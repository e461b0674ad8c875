// Which of $ids name no Entity: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Entity {id: id}) }] AS missing
