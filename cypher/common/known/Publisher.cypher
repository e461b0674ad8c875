// Which of $ids name no Publisher: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Publisher {id: id}) }] AS missing
