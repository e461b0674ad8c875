// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// query ForgivingSearch {
//   typo: search(query: "Coupnag", first: 5) {
//     edges {
//       score
//       exact
//       matchedFields
//       node {
//         __typename
//         ... on Node {
//           id
//         }
//       }
//     }
//   }
//   publisher: search(query: "Yonhap", first: 10) {
//     totalCount
//     edges {
//       exact
//       matchedFields
//       node {
//         __typename
//         ... on Node {
//           id
//         }
//       }
//     }
//   }
//   exposed: search(query: "phone numbers", types: [INCIDENT]) {
//     edges {
//       matchedFields
//       node {
//         ... on Incident {
//           id
//           title
//         }
//       }
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.search + Query.search + Query.search
// Parameters:
// {
//   "p0_exact": "\"Coupnag\" name:\"Coupnag\"^8 aliases:\"Coupnag\"^8 searchExposed:\"Coupnag\"^8 title:\"Coupnag\"^2",
//   "p0_forgiving": "coupnag* name:coupnag*^8 aliases:coupnag*^8 searchExposed:coupnag*^8 title:coupnag*^2 coupnag~2 name:coupnag~2^8 aliases:coupnag~2^8 searchExposed:coupnag~2^8 title:coupnag~2^2",
//   "p0_labels": null,
//   "p0_phrase": "coupnag",
//   "p0_sourceWeight": 0.25,
//   "p0_namePrefixWeight": 2,
//   "p0_scan": 10000,
//   "p0_spare": 50,
//   "p0_asOf": null,
//   "p0_skip": 0,
//   "p0_limit": 6,
//   "p4_exact": "\"Yonhap\" name:\"Yonhap\"^8 aliases:\"Yonhap\"^8 searchExposed:\"Yonhap\"^8 title:\"Yonhap\"^2",
//   "p4_forgiving": "yonhap* name:yonhap*^8 aliases:yonhap*^8 searchExposed:yonhap*^8 title:yonhap*^2 yonhap~2 name:yonhap~2^8 aliases:yonhap~2^8 searchExposed:yonhap~2^8 title:yonhap~2^2",
//   "p4_labels": null,
//   "p4_phrase": "yonhap",
//   "p4_sourceWeight": 0.25,
//   "p4_namePrefixWeight": 2,
//   "p4_scan": 10000,
//   "p4_spare": 50,
//   "p4_asOf": null,
//   "p4_skip": 0,
//   "p4_limit": 11,
//   "p8_exact": "\"phone\" \"numbers\" name:\"phone\"^8 name:\"numbers\"^8 name:\"phone numbers\"^32 aliases:\"phone\"^8 aliases:\"numbers\"^8 aliases:\"phone numbers\"^32 searchExposed:\"phone\"^8 searchExposed:\"numbers\"^8 searchExposed:\"phone numbers\"^32 title:\"phone\"^2 title:\"numbers\"^2 title:\"phone numbers\"^8",
//   "p8_forgiving": "phone* name:phone*^8 aliases:phone*^8 searchExposed:phone*^8 title:phone*^2 phone~1 name:phone~1^8 aliases:phone~1^8 searchExposed:phone~1^8 title:phone~1^2 numbers* name:numbers*^8 aliases:numbers*^8 searchExposed:numbers*^8 title:numbers*^2 numbers~2 name:numbers~2^8 aliases:numbers~2^8 searchExposed:numbers~2^8 title:numbers~2^2",
//   "p8_labels": [
//     "Incident"
//   ],
//   "p8_phrase": "phone numbers",
//   "p8_sourceWeight": 0.25,
//   "p8_namePrefixWeight": 2,
//   "p8_scan": 10000,
//   "p8_spare": 50,
//   "p8_asOf": null,
//   "p8_skip": 0,
//   "p8_limit": 21
// }
CALL () {
CALL () {
// Hits, best first: matches of the words as written ($exact) score above 1, matches found only by
// prefix or typo tolerance ($forgiving) below 1, so they always rank after them; within each, by
// the index's relevance (the queries weigh the fields a word is found in), a source's times
// $sourceWeight (at most 1: never above an entity matched as strongly), and for a forgiving hit
// more when a name or alias starts with the text ($phrase); ties by id so pages are stable.
// The index answers best first, so a page from the top needs only the first hits: the page's
// length plus $spare are asked for, which settles the page when fewer came back (that was all of
// them) or when the page's last, weighted, still scores above the least the index gave (a hit
// left unread scores at most that, weighted at most 1); the head keeps only the labels asked for
// and, read as known on a day ($asOf), the hits known by then. Otherwise up to $scan are read.
WITH CASE WHEN $p0_skip + $p0_limit + $p0_spare < $p0_scan THEN $p0_skip + $p0_limit + $p0_spare ELSE $p0_scan END AS asked
CALL (asked) {
  CALL db.index.fulltext.queryNodes('entity_search_3', $p0_exact, {limit: asked}) YIELD node, score
  WITH node, score, CASE WHEN node:Source THEN $p0_sourceWeight ELSE 1.0 END * score AS weighted
  ORDER BY weighted DESC
  // Only the hits of the labels asked for, known by $asOf: read and least still count every hit
  // read, so a hit left unread (scoring at most least) can never outrank the page.
  RETURN collect(CASE WHEN ($p0_labels IS NULL OR any(l IN labels(node) WHERE l IN $p0_labels))
                       AND ($p0_asOf IS NULL OR node.knownOn <= $p0_asOf OR node:Country OR node:DataCategory)
                      THEN {node: node, score: 1 + weighted} END) AS head, count(*) AS read, min(score) AS least
}
WITH head, (read < asked OR coalesce(1 + least < head[$p0_skip + $p0_limit - 1].score, false)) AS settled
CALL (head, settled) {
  WITH head WHERE settled
  RETURN head AS exact
  UNION ALL
  WITH settled WHERE NOT settled
  // In a CALL of its own: collect() makes a row even from no rows, which would leave a second
  // (empty) list of exact hits beside the settled head and send the forgiving query below.
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_3', $p0_exact, {limit: $p0_scan}) YIELD node, score
    WITH node, score WHERE $p0_labels IS NULL OR any(l IN labels(node) WHERE l IN $p0_labels)
    WITH node, CASE WHEN node:Source THEN $p0_sourceWeight ELSE 1.0 END * score AS weighted
    ORDER BY weighted DESC
    WITH collect({node: node, score: 1 + weighted}) AS hits
    // As known on a day, only the hits that can still be on the page are tested: those of the
    // first few that were known, and after them only the hits scoring at least as well as the
    // page's last known one (ties included, for the id to order), so a page is not held up
    // testing the thousands of hits far below it. When too few of the first were known, all.
    WITH hits, CASE WHEN $p0_asOf IS NULL THEN hits
                    ELSE [h IN hits[0..4 * ($p0_skip + $p0_limit)] WHERE h.node.knownOn <= $p0_asOf OR h.node:Country OR h.node:DataCategory] END AS first
    WITH hits, first, CASE WHEN $p0_asOf IS NOT NULL AND size(first) >= $p0_skip + $p0_limit THEN first[$p0_skip + $p0_limit - 1].score END AS floor
    RETURN CASE WHEN $p0_asOf IS NULL THEN hits
                WHEN floor IS NULL THEN [h IN hits WHERE h.node.knownOn <= $p0_asOf OR h.node:Country OR h.node:DataCategory]
                ELSE first + [h IN hits[4 * ($p0_skip + $p0_limit)..] WHERE h.score >= floor
                                AND (h.node.knownOn <= $p0_asOf OR h.node:Country OR h.node:DataCategory)] END AS exact
  }
  RETURN exact
}
// The forgiving query (prefixes and edit distances: the costly part of a search in a large graph)
// runs only when the page reaches past the exact hits: when they fill it, no forgiving hit can be on it.
CALL (exact) {
  // Only the exact hits scoring at least as well as the page's last can be on it (ties included,
  // which the id orders below).
  WITH exact, CASE WHEN size(exact) >= $p0_skip + $p0_limit THEN exact[$p0_skip + $p0_limit - 1].score END AS floor
  UNWIND exact AS hit
  WITH hit, floor WHERE floor IS NULL OR hit.score >= floor
  RETURN hit.node AS node, hit.score AS score
  UNION ALL
  WITH exact WHERE size(exact) < $p0_skip + $p0_limit
  CALL db.index.fulltext.queryNodes('entity_search_3', $p0_forgiving, {limit: $p0_scan}) YIELD node, score
  // The part of the closest name or alias that starts with the text ("Coup": 4 of "Coupang"'s 7).
  WITH node, score, reduce(c = 0.0, n IN [node.name] + coalesce(node.aliases, []) |
    CASE WHEN n IS NOT NULL AND toLower(n) STARTS WITH $p0_phrase AND toFloat(size($p0_phrase)) / size(n) > c
      THEN toFloat(size($p0_phrase)) / size(n) ELSE c END) AS covered
  WITH node, CASE WHEN node:Source THEN $p0_sourceWeight ELSE 1.0 END * score * (1 + $p0_namePrefixWeight * covered) AS weighted
  RETURN node, weighted / (1 + weighted) AS score
}
WITH node, max(score) AS score
WHERE ($p0_labels IS NULL OR any(l IN labels(node) WHERE l IN $p0_labels))
  AND ($p0_asOf IS NULL OR node.knownOn <= $p0_asOf OR node:Country OR node:DataCategory)
WITH node, score
ORDER BY score DESC, node.id
SKIP $p0_skip
LIMIT $p0_limit
WITH node AS _x3, score
RETURN collect({node: [_x3.id, labels(_x3)], score: score, text: _x3 {.name, .aliases, .title, .summary, .description, .quote, .url, .reason, .question, .outcome, .searchAttributions, .searchExposed, .searchNotExposed}}) AS _v2
}
RETURN {hits: _v2, total: null} AS _v1
}
RETURN 0 AS k, _v1 AS v
UNION ALL
CALL () {
CALL () {
// Hits, best first: matches of the words as written ($exact) score above 1, matches found only by
// prefix or typo tolerance ($forgiving) below 1, so they always rank after them; within each, by
// the index's relevance (the queries weigh the fields a word is found in), a source's times
// $sourceWeight (at most 1: never above an entity matched as strongly), and for a forgiving hit
// more when a name or alias starts with the text ($phrase); ties by id so pages are stable.
// The index answers best first, so a page from the top needs only the first hits: the page's
// length plus $spare are asked for, which settles the page when fewer came back (that was all of
// them) or when the page's last, weighted, still scores above the least the index gave (a hit
// left unread scores at most that, weighted at most 1); the head keeps only the labels asked for
// and, read as known on a day ($asOf), the hits known by then. Otherwise up to $scan are read.
WITH CASE WHEN $p4_skip + $p4_limit + $p4_spare < $p4_scan THEN $p4_skip + $p4_limit + $p4_spare ELSE $p4_scan END AS asked
CALL (asked) {
  CALL db.index.fulltext.queryNodes('entity_search_3', $p4_exact, {limit: asked}) YIELD node, score
  WITH node, score, CASE WHEN node:Source THEN $p4_sourceWeight ELSE 1.0 END * score AS weighted
  ORDER BY weighted DESC
  // Only the hits of the labels asked for, known by $asOf: read and least still count every hit
  // read, so a hit left unread (scoring at most least) can never outrank the page.
  RETURN collect(CASE WHEN ($p4_labels IS NULL OR any(l IN labels(node) WHERE l IN $p4_labels))
                       AND ($p4_asOf IS NULL OR node.knownOn <= $p4_asOf OR node:Country OR node:DataCategory)
                      THEN {node: node, score: 1 + weighted} END) AS head, count(*) AS read, min(score) AS least
}
WITH head, (read < asked OR coalesce(1 + least < head[$p4_skip + $p4_limit - 1].score, false)) AS settled
CALL (head, settled) {
  WITH head WHERE settled
  RETURN head AS exact
  UNION ALL
  WITH settled WHERE NOT settled
  // In a CALL of its own: collect() makes a row even from no rows, which would leave a second
  // (empty) list of exact hits beside the settled head and send the forgiving query below.
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_3', $p4_exact, {limit: $p4_scan}) YIELD node, score
    WITH node, score WHERE $p4_labels IS NULL OR any(l IN labels(node) WHERE l IN $p4_labels)
    WITH node, CASE WHEN node:Source THEN $p4_sourceWeight ELSE 1.0 END * score AS weighted
    ORDER BY weighted DESC
    WITH collect({node: node, score: 1 + weighted}) AS hits
    // As known on a day, only the hits that can still be on the page are tested: those of the
    // first few that were known, and after them only the hits scoring at least as well as the
    // page's last known one (ties included, for the id to order), so a page is not held up
    // testing the thousands of hits far below it. When too few of the first were known, all.
    WITH hits, CASE WHEN $p4_asOf IS NULL THEN hits
                    ELSE [h IN hits[0..4 * ($p4_skip + $p4_limit)] WHERE h.node.knownOn <= $p4_asOf OR h.node:Country OR h.node:DataCategory] END AS first
    WITH hits, first, CASE WHEN $p4_asOf IS NOT NULL AND size(first) >= $p4_skip + $p4_limit THEN first[$p4_skip + $p4_limit - 1].score END AS floor
    RETURN CASE WHEN $p4_asOf IS NULL THEN hits
                WHEN floor IS NULL THEN [h IN hits WHERE h.node.knownOn <= $p4_asOf OR h.node:Country OR h.node:DataCategory]
                ELSE first + [h IN hits[4 * ($p4_skip + $p4_limit)..] WHERE h.score >= floor
                                AND (h.node.knownOn <= $p4_asOf OR h.node:Country OR h.node:DataCategory)] END AS exact
  }
  RETURN exact
}
// The forgiving query (prefixes and edit distances: the costly part of a search in a large graph)
// runs only when the page reaches past the exact hits: when they fill it, no forgiving hit can be on it.
CALL (exact) {
  // Only the exact hits scoring at least as well as the page's last can be on it (ties included,
  // which the id orders below).
  WITH exact, CASE WHEN size(exact) >= $p4_skip + $p4_limit THEN exact[$p4_skip + $p4_limit - 1].score END AS floor
  UNWIND exact AS hit
  WITH hit, floor WHERE floor IS NULL OR hit.score >= floor
  RETURN hit.node AS node, hit.score AS score
  UNION ALL
  WITH exact WHERE size(exact) < $p4_skip + $p4_limit
  CALL db.index.fulltext.queryNodes('entity_search_3', $p4_forgiving, {limit: $p4_scan}) YIELD node, score
  // The part of the closest name or alias that starts with the text ("Coup": 4 of "Coupang"'s 7).
  WITH node, score, reduce(c = 0.0, n IN [node.name] + coalesce(node.aliases, []) |
    CASE WHEN n IS NOT NULL AND toLower(n) STARTS WITH $p4_phrase AND toFloat(size($p4_phrase)) / size(n) > c
      THEN toFloat(size($p4_phrase)) / size(n) ELSE c END) AS covered
  WITH node, CASE WHEN node:Source THEN $p4_sourceWeight ELSE 1.0 END * score * (1 + $p4_namePrefixWeight * covered) AS weighted
  RETURN node, weighted / (1 + weighted) AS score
}
WITH node, max(score) AS score
WHERE ($p4_labels IS NULL OR any(l IN labels(node) WHERE l IN $p4_labels))
  AND ($p4_asOf IS NULL OR node.knownOn <= $p4_asOf OR node:Country OR node:DataCategory)
WITH node, score
ORDER BY score DESC, node.id
SKIP $p4_skip
LIMIT $p4_limit
WITH node AS _x7, score
RETURN collect({node: [_x7.id, labels(_x7)], score: score, text: _x7 {.name, .aliases, .title, .summary, .description, .quote, .url, .reason, .question, .outcome, .searchAttributions, .searchExposed, .searchNotExposed}}) AS _v6
}
CALL () {
// Every distinct hit of either query (see hits.cypher), at most $scan of each, known by $asOf when given.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_3', $p4_exact, {limit: $p4_scan}) YIELD node
  RETURN node
  UNION
  CALL db.index.fulltext.queryNodes('entity_search_3', $p4_forgiving, {limit: $p4_scan}) YIELD node
  RETURN node
}
WITH node
WHERE ($p4_labels IS NULL OR any(l IN labels(node) WHERE l IN $p4_labels))
  AND ($p4_asOf IS NULL OR node.knownOn <= $p4_asOf OR node:Country OR node:DataCategory)
RETURN count(node) AS total
}
RETURN {hits: _v6, total: total} AS _v5
}
RETURN 1 AS k, _v5 AS v
UNION ALL
CALL () {
CALL () {
// Hits, best first: matches of the words as written ($exact) score above 1, matches found only by
// prefix or typo tolerance ($forgiving) below 1, so they always rank after them; within each, by
// the index's relevance (the queries weigh the fields a word is found in), a source's times
// $sourceWeight (at most 1: never above an entity matched as strongly), and for a forgiving hit
// more when a name or alias starts with the text ($phrase); ties by id so pages are stable.
// The index answers best first, so a page from the top needs only the first hits: the page's
// length plus $spare are asked for, which settles the page when fewer came back (that was all of
// them) or when the page's last, weighted, still scores above the least the index gave (a hit
// left unread scores at most that, weighted at most 1); the head keeps only the labels asked for
// and, read as known on a day ($asOf), the hits known by then. Otherwise up to $scan are read.
WITH CASE WHEN $p8_skip + $p8_limit + $p8_spare < $p8_scan THEN $p8_skip + $p8_limit + $p8_spare ELSE $p8_scan END AS asked
CALL (asked) {
  CALL db.index.fulltext.queryNodes('entity_search_3', $p8_exact, {limit: asked}) YIELD node, score
  WITH node, score, CASE WHEN node:Source THEN $p8_sourceWeight ELSE 1.0 END * score AS weighted
  ORDER BY weighted DESC
  // Only the hits of the labels asked for, known by $asOf: read and least still count every hit
  // read, so a hit left unread (scoring at most least) can never outrank the page.
  RETURN collect(CASE WHEN ($p8_labels IS NULL OR any(l IN labels(node) WHERE l IN $p8_labels))
                       AND ($p8_asOf IS NULL OR node.knownOn <= $p8_asOf OR node:Country OR node:DataCategory)
                      THEN {node: node, score: 1 + weighted} END) AS head, count(*) AS read, min(score) AS least
}
WITH head, (read < asked OR coalesce(1 + least < head[$p8_skip + $p8_limit - 1].score, false)) AS settled
CALL (head, settled) {
  WITH head WHERE settled
  RETURN head AS exact
  UNION ALL
  WITH settled WHERE NOT settled
  // In a CALL of its own: collect() makes a row even from no rows, which would leave a second
  // (empty) list of exact hits beside the settled head and send the forgiving query below.
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_3', $p8_exact, {limit: $p8_scan}) YIELD node, score
    WITH node, score WHERE $p8_labels IS NULL OR any(l IN labels(node) WHERE l IN $p8_labels)
    WITH node, CASE WHEN node:Source THEN $p8_sourceWeight ELSE 1.0 END * score AS weighted
    ORDER BY weighted DESC
    WITH collect({node: node, score: 1 + weighted}) AS hits
    // As known on a day, only the hits that can still be on the page are tested: those of the
    // first few that were known, and after them only the hits scoring at least as well as the
    // page's last known one (ties included, for the id to order), so a page is not held up
    // testing the thousands of hits far below it. When too few of the first were known, all.
    WITH hits, CASE WHEN $p8_asOf IS NULL THEN hits
                    ELSE [h IN hits[0..4 * ($p8_skip + $p8_limit)] WHERE h.node.knownOn <= $p8_asOf OR h.node:Country OR h.node:DataCategory] END AS first
    WITH hits, first, CASE WHEN $p8_asOf IS NOT NULL AND size(first) >= $p8_skip + $p8_limit THEN first[$p8_skip + $p8_limit - 1].score END AS floor
    RETURN CASE WHEN $p8_asOf IS NULL THEN hits
                WHEN floor IS NULL THEN [h IN hits WHERE h.node.knownOn <= $p8_asOf OR h.node:Country OR h.node:DataCategory]
                ELSE first + [h IN hits[4 * ($p8_skip + $p8_limit)..] WHERE h.score >= floor
                                AND (h.node.knownOn <= $p8_asOf OR h.node:Country OR h.node:DataCategory)] END AS exact
  }
  RETURN exact
}
// The forgiving query (prefixes and edit distances: the costly part of a search in a large graph)
// runs only when the page reaches past the exact hits: when they fill it, no forgiving hit can be on it.
CALL (exact) {
  // Only the exact hits scoring at least as well as the page's last can be on it (ties included,
  // which the id orders below).
  WITH exact, CASE WHEN size(exact) >= $p8_skip + $p8_limit THEN exact[$p8_skip + $p8_limit - 1].score END AS floor
  UNWIND exact AS hit
  WITH hit, floor WHERE floor IS NULL OR hit.score >= floor
  RETURN hit.node AS node, hit.score AS score
  UNION ALL
  WITH exact WHERE size(exact) < $p8_skip + $p8_limit
  CALL db.index.fulltext.queryNodes('entity_search_3', $p8_forgiving, {limit: $p8_scan}) YIELD node, score
  // The part of the closest name or alias that starts with the text ("Coup": 4 of "Coupang"'s 7).
  WITH node, score, reduce(c = 0.0, n IN [node.name] + coalesce(node.aliases, []) |
    CASE WHEN n IS NOT NULL AND toLower(n) STARTS WITH $p8_phrase AND toFloat(size($p8_phrase)) / size(n) > c
      THEN toFloat(size($p8_phrase)) / size(n) ELSE c END) AS covered
  WITH node, CASE WHEN node:Source THEN $p8_sourceWeight ELSE 1.0 END * score * (1 + $p8_namePrefixWeight * covered) AS weighted
  RETURN node, weighted / (1 + weighted) AS score
}
WITH node, max(score) AS score
WHERE ($p8_labels IS NULL OR any(l IN labels(node) WHERE l IN $p8_labels))
  AND ($p8_asOf IS NULL OR node.knownOn <= $p8_asOf OR node:Country OR node:DataCategory)
WITH node, score
ORDER BY score DESC, node.id
SKIP $p8_skip
LIMIT $p8_limit
WITH node AS _xb, score
RETURN collect({node: [_xb.id, labels(_xb), _xb.title], score: score, text: _xb {.name, .aliases, .title, .summary, .description, .quote, .url, .reason, .question, .outcome, .searchAttributions, .searchExposed, .searchNotExposed}}) AS _va
}
RETURN {hits: _va, total: null} AS _v9
}
RETURN 2 AS k, _v9 AS v
