// IncidentFilter.minAccountsAffected read as known on a day ($asOf): the best accounts figure as it
// was chosen then (Incident.asOf.sortAccounts), not the current one.
coalesce([k IN range(size(coalesce(n.accountsAffectedChanges, [])) - 1, 0, -1) WHERE n.accountsAffectedChanges[k] <= $asOf | n.accountsAffectedChangeValues[k]][0], -1) >= $f.minAccounts
