// How the best figures changed as their estimates became known: the changes seeds/99-derived-values.cypher
// keeps per metric (<metric>Changes: the day, the estimate, its value, the rule, the count compared,
// the units not compared, tab-separated), oldest first. Read as known on a day ($asOf): those up to it.
UNWIND [['ACCOUNTS_AFFECTED', this.accountsAffectedChanges, this.accountsAffectedChangeIds, this.accountsAffectedChangeRules,
         this.accountsAffectedChangeCompared, this.accountsAffectedChangeOtherUnits],
        ['RECORDS_EXPOSED', this.recordsExposedChanges, this.recordsExposedChangeIds, this.recordsExposedChangeRules,
         this.recordsExposedChangeCompared, this.recordsExposedChangeOtherUnits],
        ['PEOPLE_AFFECTED', this.peopleAffectedChanges, this.peopleAffectedChangeIds, this.peopleAffectedChangeRules,
         this.peopleAffectedChangeCompared, this.peopleAffectedChangeOtherUnits]] AS m
UNWIND range(0, size(coalesce(m[1], [])) - 1) AS k
WITH this, m, k WHERE $asOf IS NULL OR m[1][k] <= $asOf
MATCH (this)-[:HAS_ESTIMATE]->(e:Estimate {id: m[2][k]})
RETURN m[0] AS metric, m[1][k] AS day, e AS estimate, e.value AS value, e.qualifier AS qualifier, e.unit AS unit,
       m[3][k] AS rule, m[4][k] AS compared, [u IN split(m[5][k], '\t') WHERE u <> ''] AS otherUnits
ORDER BY m[1][k], m[0]
