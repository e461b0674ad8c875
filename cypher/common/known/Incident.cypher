// Which of $ids name no Incident: a filter naming nothing is an error, not an empty list (src/read/knownIds.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Incident {id: id}) }] AS missing
