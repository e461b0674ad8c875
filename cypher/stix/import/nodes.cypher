// A STIX import's nodes (src/stix/plan.ts), merged by label and id; the label is one of the plan's
// fixed set (src/stix/parse.ts checks it), passed as a parameter like every other value.
UNWIND $rows AS row
MERGE (n:$(row.label) {id: row.id})
ON CREATE SET n:Entity
SET n += row.props
