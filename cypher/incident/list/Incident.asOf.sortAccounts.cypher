// IncidentSortField.ACCOUNTS_AFFECTED read as known on a day ($asOf): the value of the best estimate as it
// was chosen then (the last of accountsAffectedChanges on or before the day), -1 when none was known, as
// sortAccounts stores the current one. No index holds this order: the known incidents are sorted.
coalesce([k IN range(size(coalesce(n.accountsAffectedChanges, [])) - 1, 0, -1) WHERE n.accountsAffectedChanges[k] <= $asOf | n.accountsAffectedChangeValues[k]][0], -1)
