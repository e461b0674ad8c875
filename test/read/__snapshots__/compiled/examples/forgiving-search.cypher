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
//   "p0_exact": "\"Coupnag\"",
//   "p0_forgiving": "coupnag* coupnag~2",
//   "p0_labels": null,
//   "p0_scan": 10000,
//   "p0_spare": 50,
//   "p0_skip": 0,
//   "p0_limit": 6,
//   "p4_exact": "\"Yonhap\"",
//   "p4_forgiving": "yonhap* yonhap~2",
//   "p4_labels": null,
//   "p4_scan": 10000,
//   "p4_spare": 50,
//   "p4_skip": 0,
//   "p4_limit": 11,
//   "p8_exact": "\"phone\" \"numbers\"",
//   "p8_forgiving": "phone* phone~1 numbers* numbers~2",
//   "p8_labels": [
//     "Incident"
//   ],
//   "p8_scan": 10000,
//   "p8_spare": 50,
//   "p8_skip": 0,
//   "p8_limit": 21
// }
CALL () {
CALL () {
// Hits, best first: matches of the words as written ($exact) score above 1, matches found only by
// prefix or typo tolerance ($forgiving) below 1, so they always rank after them; within each, by
// the index's relevance; ties by id so pages are stable.
// The index answers best first, so a page from the top needs only the first hits: the page's
// length plus $spare are asked for, which settles the page when fewer came back (that was all of
// them) or when the last scores below the page's last (no tie of it was left out). Otherwise, or
// when only some labels are asked for (the index cannot filter by label), up to $scan are read.
WITH CASE WHEN $p0_skip + $p0_limit + $p0_spare < $p0_scan THEN $p0_skip + $p0_limit + $p0_spare ELSE $p0_scan END AS asked
CALL (asked) {
  CALL db.index.fulltext.queryNodes('entity_search_2', $p0_exact, {limit: asked}) YIELD node, score
  RETURN collect({node: node, score: 1 + score}) AS head
}
WITH head, $p0_labels IS NULL
  AND (size(head) < asked OR coalesce(head[size(head) - 1].score < head[$p0_skip + $p0_limit - 1].score, false)) AS settled
CALL (head, settled) {
  WITH head WHERE settled
  RETURN head AS exact
  UNION ALL
  WITH settled WHERE NOT settled
  // In a CALL of its own: collect() makes a row even from no rows, which would leave a second
  // (empty) list of exact hits beside the settled head and send the forgiving query below.
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_2', $p0_exact, {limit: $p0_scan}) YIELD node, score
    WITH node, score WHERE $p0_labels IS NULL OR any(l IN labels(node) WHERE l IN $p0_labels)
    RETURN collect({node: node, score: 1 + score}) AS exact
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
  CALL db.index.fulltext.queryNodes('entity_search_2', $p0_forgiving, {limit: $p0_scan}) YIELD node, score
  RETURN node, score / (1 + score) AS score
}
WITH node, max(score) AS score
WHERE $p0_labels IS NULL OR any(l IN labels(node) WHERE l IN $p0_labels)
WITH node, score
ORDER BY score DESC, node.id
SKIP $p0_skip
LIMIT $p0_limit
WITH node AS _x3, score
RETURN collect({node: [_x3.id, labels(_x3)], score: score, text: _x3 {.name, .aliases, .title, .summary, .description, .quote, .url, .searchAttributions, .searchExposed, .searchNotExposed}}) AS _v2
}
RETURN {hits: _v2, total: null} AS _v1
}
RETURN 0 AS k, _v1 AS v
UNION ALL
CALL () {
CALL () {
// Hits, best first: matches of the words as written ($exact) score above 1, matches found only by
// prefix or typo tolerance ($forgiving) below 1, so they always rank after them; within each, by
// the index's relevance; ties by id so pages are stable.
// The index answers best first, so a page from the top needs only the first hits: the page's
// length plus $spare are asked for, which settles the page when fewer came back (that was all of
// them) or when the last scores below the page's last (no tie of it was left out). Otherwise, or
// when only some labels are asked for (the index cannot filter by label), up to $scan are read.
WITH CASE WHEN $p4_skip + $p4_limit + $p4_spare < $p4_scan THEN $p4_skip + $p4_limit + $p4_spare ELSE $p4_scan END AS asked
CALL (asked) {
  CALL db.index.fulltext.queryNodes('entity_search_2', $p4_exact, {limit: asked}) YIELD node, score
  RETURN collect({node: node, score: 1 + score}) AS head
}
WITH head, $p4_labels IS NULL
  AND (size(head) < asked OR coalesce(head[size(head) - 1].score < head[$p4_skip + $p4_limit - 1].score, false)) AS settled
CALL (head, settled) {
  WITH head WHERE settled
  RETURN head AS exact
  UNION ALL
  WITH settled WHERE NOT settled
  // In a CALL of its own: collect() makes a row even from no rows, which would leave a second
  // (empty) list of exact hits beside the settled head and send the forgiving query below.
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_2', $p4_exact, {limit: $p4_scan}) YIELD node, score
    WITH node, score WHERE $p4_labels IS NULL OR any(l IN labels(node) WHERE l IN $p4_labels)
    RETURN collect({node: node, score: 1 + score}) AS exact
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
  CALL db.index.fulltext.queryNodes('entity_search_2', $p4_forgiving, {limit: $p4_scan}) YIELD node, score
  RETURN node, score / (1 + score) AS score
}
WITH node, max(score) AS score
WHERE $p4_labels IS NULL OR any(l IN labels(node) WHERE l IN $p4_labels)
WITH node, score
ORDER BY score DESC, node.id
SKIP $p4_skip
LIMIT $p4_limit
WITH node AS _x7, score
RETURN collect({node: [_x7.id, labels(_x7)], score: score, text: _x7 {.name, .aliases, .title, .summary, .description, .quote, .url, .searchAttributions, .searchExposed, .searchNotExposed}}) AS _v6
}
CALL () {
// Every distinct hit of either query (see hits.cypher), at most $scan of each.
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search_2', $p4_exact, {limit: $p4_scan}) YIELD node
  RETURN node
  UNION
  CALL db.index.fulltext.queryNodes('entity_search_2', $p4_forgiving, {limit: $p4_scan}) YIELD node
  RETURN node
}
WITH node
WHERE $p4_labels IS NULL OR any(l IN labels(node) WHERE l IN $p4_labels)
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
// the index's relevance; ties by id so pages are stable.
// The index answers best first, so a page from the top needs only the first hits: the page's
// length plus $spare are asked for, which settles the page when fewer came back (that was all of
// them) or when the last scores below the page's last (no tie of it was left out). Otherwise, or
// when only some labels are asked for (the index cannot filter by label), up to $scan are read.
WITH CASE WHEN $p8_skip + $p8_limit + $p8_spare < $p8_scan THEN $p8_skip + $p8_limit + $p8_spare ELSE $p8_scan END AS asked
CALL (asked) {
  CALL db.index.fulltext.queryNodes('entity_search_2', $p8_exact, {limit: asked}) YIELD node, score
  RETURN collect({node: node, score: 1 + score}) AS head
}
WITH head, $p8_labels IS NULL
  AND (size(head) < asked OR coalesce(head[size(head) - 1].score < head[$p8_skip + $p8_limit - 1].score, false)) AS settled
CALL (head, settled) {
  WITH head WHERE settled
  RETURN head AS exact
  UNION ALL
  WITH settled WHERE NOT settled
  // In a CALL of its own: collect() makes a row even from no rows, which would leave a second
  // (empty) list of exact hits beside the settled head and send the forgiving query below.
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_2', $p8_exact, {limit: $p8_scan}) YIELD node, score
    WITH node, score WHERE $p8_labels IS NULL OR any(l IN labels(node) WHERE l IN $p8_labels)
    RETURN collect({node: node, score: 1 + score}) AS exact
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
  CALL db.index.fulltext.queryNodes('entity_search_2', $p8_forgiving, {limit: $p8_scan}) YIELD node, score
  RETURN node, score / (1 + score) AS score
}
WITH node, max(score) AS score
WHERE $p8_labels IS NULL OR any(l IN labels(node) WHERE l IN $p8_labels)
WITH node, score
ORDER BY score DESC, node.id
SKIP $p8_skip
LIMIT $p8_limit
WITH node AS _xb, score
RETURN collect({node: [_xb.id, labels(_xb), _xb.title], score: score, text: _xb {.name, .aliases, .title, .summary, .description, .quote, .url, .searchAttributions, .searchExposed, .searchNotExposed}}) AS _va
}
RETURN {hits: _va, total: null} AS _v9
}
RETURN 2 AS k, _v9 AS v
