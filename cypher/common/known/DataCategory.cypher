// Which of $ids name no DataCategory: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:DataCategory {id: id}) }] AS missing
