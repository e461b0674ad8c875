// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query TraceToPriorFine {
//   incident(id: "coupang-breach-2025") {
//     title
//     relatedIncidents {
//       reasons {
//         reason
//         via {
//           id
//         }
//         path {
//           nodes {
//             __typename
//             id
//           }
//           relationships {
//             type
//             from
//             to
//           }
//         }
//       }
//       incident {
//         id
//         title
//         company {
//           id
//           name
//         }
//         estimates {
//           value
//           qualifier
//           unit
//           asOf {
//             iso
//           }
//           sources {
//             ...Src
//           }
//         }
//         fines {
//           id
//           authority {
//             id
//             name
//           }
//           reason
//           amount {
//             amount
//             currency
//             display
//           }
//           date {
//             iso
//             precision
//           }
//           reports {
//             amount {
//               amount
//               currency
//               display
//             }
//             conversions {
//               amount
//               currency
//               display
//             }
//             date {
//               iso
//               precision
//               asReported
//             }
//             sources {
//               ...Src
//             }
//           }
//         }
//       }
//     }
//   }
// }
//
// fragment Src on SourceRef {
//   attribution
//   attributedTo {
//     __typename
//     ... on Person {
//       id
//       personName: name
//     }
//     ... on Publisher {
//       id
//       name
//     }
//     ... on Company {
//       id
//       name
//     }
//     ... on Authority {
//       id
//       name
//     }
//   }
//   about
//   source {
//     id
//     title
//     url
//     publishedOn {
//       iso
//       precision
//     }
//     dateNote
//     publisher {
//       id
//       name
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
//   "pu_first": 9007199254740991
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
MATCH (this)-[:AFFECTED]->(n:Company)
WITH *, n AS _xc
ORDER BY n.id
LIMIT 1
RETURN [_xc.id, _xc.name] AS _va
}
RETURN _va
} AS _w9, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)-[:HAS_ESTIMATE]->(n:Estimate)
WITH *, n AS _xg
ORDER BY n.asOf, n.id
WITH _xg
WITH *, COLLECT {
CALL (_xg) {
WITH _xg AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _xk, r.attribution AS _xl, who AS _xm, coalesce(r.about, []) AS _xn
ORDER BY n.publishedOn, n.id, r.attribution
WITH _xk, _xl, _xm, _xn
WITH *, COLLECT {
CALL (_xk) {
WITH _xk AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _xr
ORDER BY n.id
LIMIT 1
RETURN [_xr.id, _xr.name] AS _vp
}
RETURN _vp
} AS _wo
RETURN [[_xk.id, _xk.title, _xk.url, _xk.publishedOn, _xk.dateNote, _wo[0]], _xl, [_xm.id, labels(_xm), _xm.name], _xn] AS _vi
}
RETURN _vi
} AS _wh
RETURN [_xg.id, _xg.value, _xg.qualifier, _xg.unit, _xg.asOf, _xg.asOfAsReported, _wh] AS _ve
}
RETURN _ve
} AS _wd, COLLECT {
CALL (_x7) {
WITH _x7 AS this
MATCH (this)<-[:FOR_INCIDENT]-(n:Fine)
WITH *, n AS _xv
ORDER BY n.id
LIMIT $pu_first
WITH _xv
WITH *, COLLECT {
CALL (_xv) {
WITH _xv AS this
MATCH (this)<-[:IMPOSED]-(n:Authority)
WITH *, n AS _xz
ORDER BY n.id
LIMIT 1
RETURN [_xz.id, _xz.name] AS _vx
}
RETURN _vx
} AS _ww, COLLECT {
CALL (_xv) {
WITH _xv AS this
MATCH (this)-[:REPORTED_AS]->(n:FineReport)
WITH *, n AS _x13
ORDER BY n.date, n.id
WITH _x13
WITH *, COLLECT {
CALL (_x13) {
WITH _x13 AS this
MATCH (this)-[r:SOURCED_FROM]->(n:Source)
OPTIONAL MATCH (who:Entity {id: r.attributedTo})
WITH *, n AS _x17, r.attribution AS _x18, who AS _x19, coalesce(r.about, []) AS _x1a
ORDER BY n.publishedOn, n.id, r.attribution
WITH _x17, _x18, _x19, _x1a
WITH *, COLLECT {
CALL (_x17) {
WITH _x17 AS this
MATCH (this)-[:PUBLISHED_BY]->(n:Publisher)
WITH *, n AS _x1e
ORDER BY n.id
LIMIT 1
RETURN [_x1e.id, _x1e.name] AS _v1c
}
RETURN _v1c
} AS _w1b
RETURN [[_x17.id, _x17.title, _x17.url, _x17.publishedOn, _x17.dateNote, _w1b[0]], _x18, [_x19.id, labels(_x19), _x19.name], _x1a] AS _v15
}
RETURN _v15
} AS _w14
RETURN [_x13.id, _x13.amount, _x13.currency, _x13.conversionAmounts, _x13.conversionCurrencies, _x13.date, _x13.dateAsReported, _w14] AS _v11
}
RETURN _v11
} AS _w10
RETURN [_xv.id, _xv.reason, _xv.amount, _xv.currency, _xv.date, _xv.dateAsReported, _ww[0], _w10] AS _vt
}
RETURN _vt
} AS _ws
RETURN [[_x7.id, _x7.title, _w9[0], _wd, _ws], _x8] AS _v5
}
RETURN _v5
} AS _w4
RETURN [_x3.id, _x3.title, _w4] AS _v1
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
