// What an earlier run imported from these rows of the catalogue: the report or decision of each
// row, the fine a report belongs to, and the values the row set (so a run can tell which it
// changes, for its Change: src/import/history.ts).
UNWIND $rows AS row
MATCH (n:Entity {catalogue: $catalogue, row: row})
RETURN row, n.id AS id, CASE WHEN n:FineReport THEN 'report' ELSE 'decision' END AS kind,
       COLLECT { MATCH (f:Fine)-[:REPORTED_AS]->(n) RETURN f.id }[0] AS fine,
       n {.kind, .amount, .currency, .date, .dateAsReported, .articles, .violationType, .title, .description} AS stored
