// Which of $ids name no Source: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS missing
