// Which of $ids name no Authority: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Authority {id: id}) }] AS missing
