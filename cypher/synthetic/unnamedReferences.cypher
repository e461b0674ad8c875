// Curated nodes the bulk import made as bare ids ($refs: {label, id}) that no seed file completed:
// the synthetic graph points at them, so a seed must define each.
UNWIND $refs AS ref
MATCH (n:Entity {id: ref.id})
WHERE ref.label IN labels(n) AND n.name IS NULL
RETURN ref.label + ' ' + ref.id AS missing
