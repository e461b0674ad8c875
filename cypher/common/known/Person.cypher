// Which of $ids name no Person: a filter naming nothing is an error, not an empty list (src/read/known.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Person {id: id}) }] AS missing
