// Incidents linked to each incident, with why and the chain that links them. Those investigated
// by the same authority rank first: the analyst's trace from one case to the body's earlier ones.
// Within each reason: incidents before this one first, the latest first ("the last company that
// body investigated"), then later or undated ones. Each reason yields at most 200 candidates, so
// a hub (a country with a million incidents) costs no more than a small one.
WITH this AS i, coalesce(this.disclosedOn, this.reportedOn, this.discoveredOn, this.accessStart) AS mine
CALL (i, mine) {
  CALL (i, mine) {
    MATCH p = (i)<-[:INTO]-(:Investigation)<-[:CONDUCTS]-(via:Authority)-[:CONDUCTS]->(:Investigation)-[:INTO]->(other:Incident)
    WHERE other <> i
    WITH p, via, other, coalesce(other.disclosedOn, other.reportedOn, other.discoveredOn, other.accessStart) AS theirs
    RETURN other, theirs, 'SAME_INVESTIGATING_AUTHORITY' AS reason, 0 AS rank, via, nodes(p) AS ns, relationships(p) AS rs
    ORDER BY CASE WHEN theirs <= mine THEN 0 ELSE 1 END, theirs DESC LIMIT 200
    UNION ALL
    MATCH p = (i)-[:AFFECTED]->(via:Company)<-[:AFFECTED]-(other:Incident)
    WHERE other <> i
    WITH p, via, other, coalesce(other.disclosedOn, other.reportedOn, other.discoveredOn, other.accessStart) AS theirs
    RETURN other, theirs, 'SAME_COMPANY' AS reason, 1 AS rank, via, nodes(p) AS ns, relationships(p) AS rs
    ORDER BY CASE WHEN theirs <= mine THEN 0 ELSE 1 END, theirs DESC LIMIT 200
    UNION ALL
    MATCH (i)-[r1:AFFECTED]->(c1:Company), (other:Incident)-[r2:AFFECTED]->(c2:Company)
    WHERE other <> i AND c1 <> c2 AND c1.sector IS NOT NULL AND c2.sector = c1.sector
    WITH other, r1, r2, c1, c2, i, coalesce(other.disclosedOn, other.reportedOn, other.discoveredOn, other.accessStart) AS theirs
    RETURN other, theirs, 'SAME_SECTOR' AS reason, 2 AS rank, null AS via, [i, c1, c2, other] AS ns, [r1, r2] AS rs
    ORDER BY CASE WHEN theirs <= mine THEN 0 ELSE 1 END, theirs DESC LIMIT 200
    UNION ALL
    MATCH p = (i)-[:IN_COUNTRY]->(via:Country)<-[:IN_COUNTRY]-(other:Incident)
    WHERE other <> i
    WITH p, via, other, coalesce(other.disclosedOn, other.reportedOn, other.discoveredOn, other.accessStart) AS theirs
    RETURN other, theirs, 'SAME_COUNTRY' AS reason, 3 AS rank, via, nodes(p) AS ns, relationships(p) AS rs
    ORDER BY CASE WHEN theirs <= mine THEN 0 ELSE 1 END, theirs DESC LIMIT 200
    UNION ALL
    // A link a source states ("follows a similar leak"), either way round, ranks before any inferred one.
    MATCH p = (i)-[:FOLLOWS_SIMILAR]-(other:Incident)
    WHERE other <> i
    WITH p, other, coalesce(other.disclosedOn, other.reportedOn, other.discoveredOn, other.accessStart) AS theirs
    RETURN other, theirs, 'SIMILAR_INCIDENT' AS reason, -1 AS rank, null AS via, nodes(p) AS ns, relationships(p) AS rs
    ORDER BY CASE WHEN theirs <= mine THEN 0 ELSE 1 END, theirs DESC LIMIT 200
  }
  // One path per reason and shared node, even when several investigations lead through it.
  WITH other, theirs, reason, rank, via, collect({ns: ns, rs: rs})[0] AS p
  ORDER BY rank
  WITH other, theirs, min(rank) AS best, collect({
    reason: reason,
    via: CASE WHEN via IS NULL THEN null ELSE via {.*, _labels: labels(via)} END,
    path: {
      nodes: [n IN p.ns | n {.*, _labels: labels(n)}],
      relationships: [r IN p.rs | {type: type(r), from: startNode(r).id, to: endNode(r).id}]
    }
  }) AS reasons
  WITH other, reasons, best, theirs, CASE WHEN theirs IS NOT NULL AND mine IS NOT NULL AND theirs <= mine THEN 0 ELSE 1 END AS later
  ORDER BY best, later, theirs DESC, other.id
  LIMIT $first
  RETURN other, reasons, best, later, theirs
}
RETURN other AS incident, reasons
ORDER BY best, later, theirs DESC, other.id
