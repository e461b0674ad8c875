// Which of $ids no fine is in (src/read/knownIds.ts asks only for those that are no ISO 4217 code).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Fine {currency: toUpper(id)}) }] AS missing
