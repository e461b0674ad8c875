// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// {
//   incident(id: "coupang-breach-2025") {
//     relatedIncidents {
//       incident {
//         id
//         fines {
//           amount {
//             display
//           }
//         }
//       }
//     }
//   }
// }
//
// 3 queries sent.

// ---- 1/3: Query.incident
// Parameters:
// {
//   "p2_id": "coupang-breach-2025",
//   "p6_first": 20,
//   "pb_first": 9007199254740991
// }
WITH COLLECT {
CALL () {
OPTIONAL MATCH (:Redirect {id: $p2_id})-[:MERGED_INTO*1..8]->(merged:Entity)
MATCH (n:Incident {id: coalesce(merged.id, $p2_id)})
WITH *, n AS _x3
LIMIT 1
WITH _x3
WITH *, COLLECT {
CALL (_x3) {
WITH _x3 AS this
WITH this AS i, coalesce(this.sortRelDate, '') AS m
CALL (i, m) {
  CALL (i, m) {
    MATCH p = (i)-[:FOLLOWS_SIMILAR]-(other:Incident)
    WHERE other <> i
    WITH p, other
    ORDER BY CASE WHEN other.sortRelDate <= m THEN 0 ELSE 1 END, other.sortRelDate DESC
    LIMIT 200
    RETURN other, 'SIMILAR_INCIDENT' AS reason, -1 AS rank, null AS via, nodes(p) AS ns, relationships(p) AS rs
    UNION ALL
    MATCH p = (i)<-[:INTO]-(:Investigation)<-[:CONDUCTS]-(via:Authority)-[:CONDUCTS]->(:Investigation)-[:INTO]->(other:Incident)
    WHERE other <> i
    WITH p, via, other
    ORDER BY CASE WHEN other.sortRelDate <= m THEN 0 ELSE 1 END, other.sortRelDate DESC
    LIMIT 200
    RETURN other, 'SAME_INVESTIGATING_AUTHORITY' AS reason, 0 AS rank, via, nodes(p) AS ns, relationships(p) AS rs
    UNION ALL
    MATCH p = (i)-[:AFFECTED]->(via:Company)<-[:AFFECTED]-(other:Incident)
    WHERE other <> i
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
        AND c2.sector = c1.sector AND c2 <> c1 AND other <> i
      WITH DISTINCT other, r.relatedKey AS key ORDER BY key DESC LIMIT 200
      RETURN other, 0 AS grp
      UNION ALL
      MATCH (other:Incident)-[r:AFFECTED]->(c2:Company) USING INDEX r:AFFECTED(relatedKey)
      WHERE r.relatedKey > c1.sector + '\t' + m AND r.relatedKey < c1.sector + '\n'
        AND c2.sector = c1.sector AND c2 <> c1 AND other <> i
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
      WHERE r.relatedKey >= via.id + '\t' AND r.relatedKey <= via.id + '\t' + m AND other <> i
      WITH other, r.relatedKey AS key ORDER BY key DESC LIMIT 200
      RETURN other, 0 AS grp
      UNION ALL
      MATCH (other:Incident)-[r:IN_COUNTRY]->(via) USING INDEX r:IN_COUNTRY(relatedKey)
      WHERE r.relatedKey > via.id + '\t' + m AND r.relatedKey < via.id + '\n' AND other <> i
      WITH other, r.relatedKey AS key ORDER BY key DESC LIMIT 200
      RETURN other, 1 AS grp
    }
    WITH i, via, other ORDER BY grp, other.sortRelDate DESC LIMIT 200
    MATCH p = (i)-[:IN_COUNTRY]->(via)<-[:IN_COUNTRY]-(other)
    RETURN other, 'SAME_COUNTRY' AS reason, 3 AS rank, via, nodes(p) AS ns, relationships(p) AS rs
  }
  WITH other, reason, rank, via, collect({ns: ns, rs: rs})[0] AS p
  ORDER BY rank
  WITH other, min(rank) AS best, collect({reason: reason, via: via, p: p}) AS found
  WITH other, found, best, CASE WHEN other.sortRelDate = '' THEN null ELSE other.sortRelDate END AS theirs
  WITH other, found, best, theirs, CASE WHEN theirs IS NOT NULL AND m > '' AND theirs <= m THEN 0 ELSE 1 END AS later
  ORDER BY best, later, theirs DESC, other.id
  LIMIT $p6_first
  RETURN other, [x IN found | {
    reason: x.reason,
    via: [v IN [x.via] WHERE v IS NOT NULL | v {.*, _labels: labels(v)}][0],
    path: {
      nodes: [n IN x.p.ns | n {.*, _labels: labels(n)}],
      relationships: [r IN x.p.rs | {type: type(r), from: startNode(r).id, to: endNode(r).id}]
    }
  }] AS reasons, best, later, theirs
}
WITH *, other AS _x7, reasons AS _x8
ORDER BY best, later, theirs DESC, other.id
WITH _x7, _x8
WITH *, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)<-[:FOR_INCIDENT]-(n:Fine)
WITH *, n AS _xc
ORDER BY n.id
LIMIT $pb_first
RETURN [_xc.id, _xc.amount, _xc.currency] AS _va
}
RETURN _va
} AS _w9
RETURN [[_x7.id, _w9], _x8] AS _v5
}
RETURN _v5
} AS _w4
RETURN [_x3.id, _w4] AS _v1
}
RETURN _v1
} AS _v0
RETURN 0 AS k, _v0[0] AS v

// ---- 2/3: common/labelsOf
// Parameters:
// {
//   "id": "coupang-breach-2025"
// }
// The labels of the node an id names, only on the error path of a lookup (src/read/lookup.ts):
// an id of another type is told apart from an id of nothing, and one not yet known on a read's
// asOf day (knownOn) from one that is not in the graph.
OPTIONAL MATCH (n:Entity {id: $id})
RETURN labels(n) AS labels, n.knownOn AS knownOn

// ---- 3/3: common/suggest/Incident
// Parameters:
// {
//   "variants": [
//     "coupang-breach-2025",
//     "COUPANG-BREACH-2025"
//   ],
//   "lowerPrefix": "co",
//   "upperPrefix": "CO"
// }
// Candidates for an unknown Incident id, only on the error path (src/read/suggest.ts): the id's case and
// slug variants, and ids sharing its first characters, through the id index; never a scan of all.
CALL () {
  MATCH (n:Incident) WHERE n.id IN $variants
  RETURN n
  UNION
  MATCH (n:Incident) WHERE n.id STARTS WITH $lowerPrefix
  RETURN n LIMIT 500
  UNION
  MATCH (n:Incident) WHERE n.id STARTS WITH $upperPrefix
  RETURN n LIMIT 500
}
RETURN n.id AS id, [x IN [n.title] WHERE x IS NOT NULL] AS names
