// Investigation properties as known on a day ($asOf; src/read/asOf.ts): one closed after the day
// was still open then (its closing date, status and outcome are those before closeInvestigation);
// an opening date whose period ends after the day is not shown.
RETURN
  CASE WHEN [d IN [split(coalesce(this.openedOn, ''), '/')[-1]] WHERE d <> '' | CASE size(d) WHEN 4 THEN d + '-12-31' WHEN 7 THEN toString(date(d + '-01') + duration({months: 1}) - duration({days: 1})) ELSE d END][0] <= $asOf THEN this.openedOn END AS openedOn,
  CASE WHEN [d IN [split(coalesce(this.openedOn, ''), '/')[-1]] WHERE d <> '' | CASE size(d) WHEN 4 THEN d + '-12-31' WHEN 7 THEN toString(date(d + '-01') + duration({months: 1}) - duration({days: 1})) ELSE d END][0] <= $asOf THEN this.openedOnAsReported END AS openedOnAsReported,
  CASE WHEN [d IN [split(coalesce(this.closedOn, ''), '/')[-1]] WHERE d <> '' | CASE size(d) WHEN 4 THEN d + '-12-31' WHEN 7 THEN toString(date(d + '-01') + duration({months: 1}) - duration({days: 1})) ELSE d END][0] <= $asOf THEN this.closedOn END AS closedOn,
  CASE WHEN [d IN [split(coalesce(this.closedOn, ''), '/')[-1]] WHERE d <> '' | CASE size(d) WHEN 4 THEN d + '-12-31' WHEN 7 THEN toString(date(d + '-01') + duration({months: 1}) - duration({days: 1})) ELSE d END][0] <= $asOf THEN this.closedOnAsReported END AS closedOnAsReported,
  CASE WHEN this.closedOn IS NOT NULL AND NOT [d IN [split(coalesce(this.closedOn, ''), '/')[-1]] WHERE d <> '' | CASE size(d) WHEN 4 THEN d + '-12-31' WHEN 7 THEN toString(date(d + '-01') + duration({months: 1}) - duration({days: 1})) ELSE d END][0] <= $asOf THEN 'OPEN' ELSE this.status END AS status,
  CASE WHEN this.closedOn IS NOT NULL AND NOT [d IN [split(coalesce(this.closedOn, ''), '/')[-1]] WHERE d <> '' | CASE size(d) WHEN 4 THEN d + '-12-31' WHEN 7 THEN toString(date(d + '-01') + duration({months: 1}) - duration({days: 1})) ELSE d END][0] <= $asOf THEN null ELSE this.outcome END AS outcome
