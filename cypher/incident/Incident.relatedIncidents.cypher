// Incidents linked to this one, with why and the chain that links them. Read as known on a day
// ($asOf; the plain form leaves it out): only incidents, links and the investigations, companies
// and authorities between them known by then (a stated link from its source's publication). A link a source states
// ("follows a similar leak") ranks first, then those investigated by the same authority: the
// analyst's trace from one case to the body's earlier ones. Within each reason: incidents before
// this one first, the latest first ("the last company that body investigated"), then undated ones,
// then later ones. Each reason yields at most 200 candidates. The same sector and the same country
// hold a large part of the graph: they walk a relationship index whose key is the country's id (on
// IN_COUNTRY) or the company's sector (on AFFECTED), a tab, and the incident's sortRelDate ('' when
// undated; both kept by seeds/99-derived-values.cypher), down from this incident's date (the
// earlier, then the undated) and down from the top (the later), and stop at 200 each: every
// entry read is a candidate, where a walk of all incidents by date read ~15 for each one kept.
WITH this AS i, coalesce(this.sortRelDate, '') AS m
CALL (i, m) {
  CALL (i, m) {
    MATCH p = (i)-[s:FOLLOWS_SIMILAR]-(other:Incident)
    WHERE other <> i AND ($asOf IS NULL OR (s.knownOn <= $asOf AND other.knownOn <= $asOf))
    WITH p, other
    ORDER BY CASE WHEN other.sortRelDate <= m THEN 0 ELSE 1 END, other.sortRelDate DESC
    LIMIT 200
    RETURN other, 'SIMILAR_INCIDENT' AS reason, -1 AS rank, null AS via, nodes(p) AS ns, relationships(p) AS rs
    UNION ALL
    MATCH p = (i)<-[:INTO]-(:Investigation)<-[:CONDUCTS]-(via:Authority)-[:CONDUCTS]->(:Investigation)-[:INTO]->(other:Incident)
    WHERE other <> i AND ($asOf IS NULL OR all(x IN nodes(p) WHERE x.knownOn <= $asOf))
    WITH p, via, other
    ORDER BY CASE WHEN other.sortRelDate <= m THEN 0 ELSE 1 END, other.sortRelDate DESC
    LIMIT 200
    RETURN other, 'SAME_INVESTIGATING_AUTHORITY' AS reason, 0 AS rank, via, nodes(p) AS ns, relationships(p) AS rs
    UNION ALL
    MATCH p = (i)-[:AFFECTED]->(via:Company)<-[:AFFECTED]-(other:Incident)
    WHERE other <> i AND ($asOf IS NULL OR other.knownOn <= $asOf)
    WITH p, via, other
    ORDER BY CASE WHEN other.sortRelDate <= m THEN 0 ELSE 1 END, other.sortRelDate DESC
    LIMIT 200
    RETURN other, 'SAME_COMPANY' AS reason, 1 AS rank, via, nodes(p) AS ns, relationships(p) AS rs
    UNION ALL
    MATCH (i)-[r1:AFFECTED]->(c1:Company)
    WHERE c1.sector IS NOT NULL
    CALL (i, m, c1) {
      MATCH (other:Incident)-[r:AFFECTED]->(c2:Company) USING INDEX r:AFFECTED(relatedKey)
      WHERE r.relatedKey >= c1.sector + '\t' AND r.relatedKey <= c1.sector + '\t' + m
        AND c2.sector = c1.sector AND c2 <> c1 AND other <> i AND ($asOf IS NULL OR other.knownOn <= $asOf)
      // Two companies of the sector in one incident give one key: counted once.
      WITH DISTINCT other, r.relatedKey AS key ORDER BY key DESC LIMIT 200
      RETURN other, 0 AS grp
      UNION ALL
      MATCH (other:Incident)-[r:AFFECTED]->(c2:Company) USING INDEX r:AFFECTED(relatedKey)
      WHERE r.relatedKey > c1.sector + '\t' + m AND r.relatedKey < c1.sector + '\n'
        AND c2.sector = c1.sector AND c2 <> c1 AND other <> i AND ($asOf IS NULL OR other.knownOn <= $asOf)
      WITH DISTINCT other, r.relatedKey AS key ORDER BY key DESC LIMIT 200
      RETURN other, 1 AS grp
    }
    WITH i, r1, c1, other ORDER BY grp, other.sortRelDate DESC LIMIT 200
    MATCH (other)-[r2:AFFECTED]->(c2:Company)
    WHERE c2.sector = c1.sector AND c2 <> c1
    RETURN other, 'SAME_SECTOR' AS reason, 2 AS rank, null AS via, [i, c1, c2, other] AS ns, [r1, r2] AS rs
    UNION ALL
    MATCH (i)-[:IN_COUNTRY]->(via:Country)
    CALL (i, m, via) {
      MATCH (other:Incident)-[r:IN_COUNTRY]->(via) USING INDEX r:IN_COUNTRY(relatedKey)
      WHERE r.relatedKey >= via.id + '\t' AND r.relatedKey <= via.id + '\t' + m AND other <> i AND ($asOf IS NULL OR other.knownOn <= $asOf)
      WITH other, r.relatedKey AS key ORDER BY key DESC LIMIT 200
      RETURN other, 0 AS grp
      UNION ALL
      MATCH (other:Incident)-[r:IN_COUNTRY]->(via) USING INDEX r:IN_COUNTRY(relatedKey)
      WHERE r.relatedKey > via.id + '\t' + m AND r.relatedKey < via.id + '\n' AND other <> i AND ($asOf IS NULL OR other.knownOn <= $asOf)
      WITH other, r.relatedKey AS key ORDER BY key DESC LIMIT 200
      RETURN other, 1 AS grp
    }
    WITH i, via, other ORDER BY grp, other.sortRelDate DESC LIMIT 200
    MATCH p = (i)-[:IN_COUNTRY]->(via)<-[:IN_COUNTRY]-(other)
    RETURN other, 'SAME_COUNTRY' AS reason, 3 AS rank, via, nodes(p) AS ns, relationships(p) AS rs
  }
  // One path per reason and shared node, even when several investigations lead through it.
  WITH other, reason, rank, via, collect({ns: ns, rs: rs})[0] AS p
  ORDER BY rank
  WITH other, min(rank) AS best, collect({reason: reason, via: via, p: p}) AS found
  WITH other, found, best, CASE WHEN other.sortRelDate = '' THEN null ELSE other.sortRelDate END AS theirs
  WITH other, found, best, theirs, CASE WHEN theirs IS NOT NULL AND m > '' AND theirs <= m THEN 0 ELSE 1 END AS later
  ORDER BY best, later, theirs DESC, other.id
  LIMIT $first
  // Shared nodes and paths are read whole only for the incidents kept (up to 200 candidates a
  // reason are ranked above, and their nodes' properties were most of the query's work).
  RETURN other, [x IN found | {
    reason: x.reason,
    via: [v IN [x.via] WHERE v IS NOT NULL | v {.*, _labels: labels(v)}][0],
    path: {
      nodes: [n IN x.p.ns | n {.*, _labels: labels(n)}],
      relationships: [r IN x.p.rs | {type: type(r), from: startNode(r).id, to: endNode(r).id}]
    }
  }] AS reasons, best, later, theirs
}
RETURN other AS incident, reasons
ORDER BY best, later, theirs DESC, other.id
