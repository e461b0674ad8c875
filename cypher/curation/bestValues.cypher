// An incident's derived best values, chosen again after a curator's write changed its estimates,
// in the same transaction (src/modules/curation/): the same rules, in the same words, as
// seeds/99-derived-values.cypher, for the one incident $incident, with the search attributions of
// the sources behind its facts. test/curation/mutations.test.ts holds the two to the same text.
MATCH (i:Incident {id: $incident})
CALL (i) {
  UNWIND [['AFFECTED', 'accountsAffected', null], ['RECORDS_EXPOSED', 'recordsExposed', null],
          ['AFFECTED', 'peopleAffected', ['individuals', 'people', 'persons', 'consumers', 'customers', 'customers and staff',
                                          'residents', 'patients', 'employees', 'staff']]] AS m
  OPTIONAL CALL (i, m) {
    MATCH (i)-[:HAS_ESTIMATE]->(e:Estimate {metric: m[0]})
    WHERE m[2] IS NULL OR toLower(trim(e.unit)) IN m[2]
    WITH e, toLower(trim(e.unit)) AS unit,
         CASE e.qualifier WHEN 'EXACT' THEN 0 WHEN 'UNQUALIFIED' THEN 1 WHEN 'AT_LEAST' THEN 1 WHEN 'MORE_THAN' THEN 1 ELSE 2 END AS exactness
    ORDER BY coalesce(e.asOf, '') DESC, exactness, e.id
    WITH unit, collect({e: e, exactness: exactness}) AS ranked
    ORDER BY ranked[0].exactness, size(ranked) DESC, ranked[0].e.id
    WITH collect(ranked) AS units WHERE size(units) > 0
    WITH units[0][0] AS top, units[0][1] AS next, size(units[0]) - 1 AS compared, [u IN units[1..] | u[0].e.unit] AS otherUnits
    RETURN top.e AS e, compared, otherUnits, CASE
      WHEN next IS NULL AND size(otherUnits) = 0 THEN 'ONLY_REPORT'
      WHEN next IS NULL THEN 'ONLY_IN_ITS_UNIT'
      WHEN coalesce(top.e.asOf, '') <> coalesce(next.e.asOf, '') AND next.e.asOf IS NOT NULL AND top.e.asOf STARTS WITH next.e.asOf THEN 'MORE_PRECISE_DATE'
      WHEN coalesce(top.e.asOf, '') <> coalesce(next.e.asOf, '') THEN 'LATEST_AS_OF'
      WHEN top.exactness < next.exactness THEN 'MORE_EXACT'
      WHEN top.e.value = next.e.value THEN 'AGREEING_REPORTS'
      ELSE 'TIE_BROKEN_BY_ID' END AS rule
  }
  WITH i, collect({metric: m[1], e: e, rule: rule, compared: compared, otherUnits: otherUnits}) AS best
  WITH i, best[0] AS accounts, best[1] AS records, best[2] AS people
  SET i.accountsAffected = accounts.e.value, i.accountsAffectedEstimate = accounts.e.id,
      i.accountsAffectedRule = accounts.rule, i.accountsAffectedCompared = accounts.compared, i.accountsAffectedOtherUnits = accounts.otherUnits,
      i.recordsExposed = records.e.value, i.recordsExposedEstimate = records.e.id,
      i.recordsExposedRule = records.rule, i.recordsExposedCompared = records.compared, i.recordsExposedOtherUnits = records.otherUnits,
      i.sortRecords = coalesce(records.e.value, -1),
      i.peopleAffected = people.e.value, i.peopleAffectedEstimate = people.e.id,
      i.peopleAffectedRule = people.rule, i.peopleAffectedCompared = people.compared, i.peopleAffectedOtherUnits = people.otherUnits,
      i.sortPeople = coalesce(people.e.value, -1),
      // Sort keys (see "Sort keys" below).
      i.sortAccounts = coalesce(accounts.e.value, -1), i.sortTitle = toLower(i.title),
      i.sortDisclosedOn = coalesce(i.disclosedOn, ''), i.sortAccessStart = coalesce(i.accessStart, ''),
      // The date relatedIncidents ranks by: when it came to light, else when it began.
      i.sortRelDate = coalesce(i.disclosedOn, i.reportedOn, i.discoveredOn, i.accessStart, '')
  WITH i, [accounts.e.id, records.e.id, people.e.id] AS chosen
  MATCH (i)-[:HAS_ESTIMATE]->(x:Estimate)
  SET x.isBest = x.id IN chosen
}
CALL (i) {
  WITH i AS n
  WITH n, [(n)-[r:SOURCED_FROM]->() WHERE r.attribution IS NOT NULL | r.attribution]
        + [(n)-[:HAS_EXPOSURE|HAS_ESTIMATE]->()-[r:SOURCED_FROM]->() WHERE r.attribution IS NOT NULL | r.attribution]
        + [(n)<-[:ABOUT|CONCERNS|INTO|IN_INCIDENT|FOR_INCIDENT]-()-[r:SOURCED_FROM]->() WHERE r.attribution IS NOT NULL | r.attribution] AS found
  // Attributions once each, sorted like the exposure details below.
  CALL (found) { UNWIND found AS a WITH DISTINCT a ORDER BY a RETURN collect(a) AS attributions }
  SET n.searchAttributions = attributions,
      // Sorted, so the stored value does not depend on the order the relationships were written in.
      n.searchExposed = COLLECT { MATCH (n)-[:HAS_EXPOSURE]->(e:DataExposure {exposed: true})-[:OF_CATEGORY]->(d)
        WITH coalesce(e.detail + ' (' + d.name + ')', d.name) AS t ORDER BY t RETURN t },
      n.searchNotExposed = COLLECT { MATCH (n)-[:HAS_EXPOSURE]->(e:DataExposure {exposed: false})-[:OF_CATEGORY]->(d)
        WITH coalesce(e.detail + ' (' + d.name + ')', d.name) AS t ORDER BY t RETURN t }
}
RETURN i.accountsAffectedEstimate AS accountsAffected, i.recordsExposedEstimate AS recordsExposed, i.peopleAffectedEstimate AS peopleAffected
