// IncidentSortField.RECORDS_EXPOSED read as known on a day ($asOf): the value of the best estimate as it
// was chosen then (the last of recordsExposedChanges on or before the day), -1 when none was known, as
// sortRecords stores the current one. No index holds this order: the known incidents are sorted.
coalesce([k IN range(size(coalesce(n.recordsExposedChanges, [])) - 1, 0, -1) WHERE n.recordsExposedChanges[k] <= $asOf | n.recordsExposedChangeValues[k]][0], -1)
