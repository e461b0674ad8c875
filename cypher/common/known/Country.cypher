// Which of $ids name no Country: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Country {id: id}) }] AS missing
