// Which of $ids name neither a Company nor an Authority (src/read/knownIds.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Company {id: id}) } AND NOT EXISTS { MATCH (:Authority {id: id}) }] AS missing
