// Incident properties as known on a day ($asOf; src/read/asOf.ts): each best value's basis as it
// was chosen among the estimates known by then, the last change on or before the day
// (<metric>Changes..., seeds/99-derived-values.cypher). The read compiler puts these expressions,
// of `this` (the incident) and $asOf, where a read without asOf reads the stored property.
RETURN
  [k IN range(size(coalesce(this.accountsAffectedChanges, [])) - 1, 0, -1) WHERE this.accountsAffectedChanges[k] <= $asOf | this.accountsAffectedChangeRules[k]][0] AS accountsAffectedRule,
  [k IN range(size(coalesce(this.accountsAffectedChanges, [])) - 1, 0, -1) WHERE this.accountsAffectedChanges[k] <= $asOf | this.accountsAffectedChangeCompared[k]][0] AS accountsAffectedCompared,
  [u IN split([k IN range(size(coalesce(this.accountsAffectedChanges, [])) - 1, 0, -1) WHERE this.accountsAffectedChanges[k] <= $asOf | this.accountsAffectedChangeOtherUnits[k]][0], '\t') WHERE u <> ''] AS accountsAffectedOtherUnits,
  [k IN range(size(coalesce(this.recordsExposedChanges, [])) - 1, 0, -1) WHERE this.recordsExposedChanges[k] <= $asOf | this.recordsExposedChangeRules[k]][0] AS recordsExposedRule,
  [k IN range(size(coalesce(this.recordsExposedChanges, [])) - 1, 0, -1) WHERE this.recordsExposedChanges[k] <= $asOf | this.recordsExposedChangeCompared[k]][0] AS recordsExposedCompared,
  [u IN split([k IN range(size(coalesce(this.recordsExposedChanges, [])) - 1, 0, -1) WHERE this.recordsExposedChanges[k] <= $asOf | this.recordsExposedChangeOtherUnits[k]][0], '\t') WHERE u <> ''] AS recordsExposedOtherUnits,
  [k IN range(size(coalesce(this.peopleAffectedChanges, [])) - 1, 0, -1) WHERE this.peopleAffectedChanges[k] <= $asOf | this.peopleAffectedChangeRules[k]][0] AS peopleAffectedRule,
  [k IN range(size(coalesce(this.peopleAffectedChanges, [])) - 1, 0, -1) WHERE this.peopleAffectedChanges[k] <= $asOf | this.peopleAffectedChangeCompared[k]][0] AS peopleAffectedCompared,
  [u IN split([k IN range(size(coalesce(this.peopleAffectedChanges, [])) - 1, 0, -1) WHERE this.peopleAffectedChanges[k] <= $asOf | this.peopleAffectedChangeOtherUnits[k]][0], '\t') WHERE u <> ''] AS peopleAffectedOtherUnits
