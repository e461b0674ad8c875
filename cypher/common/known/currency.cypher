// Which of $ids (ISO 4217 codes, any case) no fine is in (src/read/known.ts).
RETURN [id IN $ids WHERE NOT EXISTS { MATCH (:Fine {currency: toUpper(id)}) }] AS missing
