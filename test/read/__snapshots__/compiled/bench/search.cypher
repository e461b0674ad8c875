// Compiled by test/read/compiled.test.ts (no database). Update on purpose: npm run test:unit -- test/read/compiled.test.ts -u
//
// GraphQL:
// {
//   search(query: "Falcon breach", first: 20) {
//     edges {
//       score
//       node {
//         __typename
//       }
//     }
//   }
// }
//
// 1 query sent.

// ---- 1/1: Query.search
// Parameters:
// {
//   "p0_exact": "\"Falcon\" \"breach\" name:\"Falcon\"^8 name:\"breach\"^8 name:\"Falcon breach\"^32 aliases:\"Falcon\"^8 aliases:\"breach\"^8 aliases:\"Falcon breach\"^32 searchExposed:\"Falcon\"^8 searchExposed:\"breach\"^8 searchExposed:\"Falcon breach\"^32 title:\"Falcon\"^2 title:\"breach\"^2 title:\"Falcon breach\"^8",
//   "p0_forgiving": "falcon* name:falcon*^8 aliases:falcon*^8 searchExposed:falcon*^8 title:falcon*^2 falcon~2 name:falcon~2^8 aliases:falcon~2^8 searchExposed:falcon~2^8 title:falcon~2^2 breach* name:breach*^8 aliases:breach*^8 searchExposed:breach*^8 title:breach*^2 breach~2 name:breach~2^8 aliases:breach~2^8 searchExposed:breach~2^8 title:breach~2^2",
//   "p0_labels": null,
//   "p0_phrase": "falcon breach",
//   "p0_sourceWeight": 0.25,
//   "p0_namePrefixWeight": 2,
//   "p0_scan": 10000,
//   "p0_spare": 50,
//   "p0_asOf": null,
//   "p0_skip": 0,
//   "p0_limit": 21
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
RETURN collect({node: [_x3.id, labels(_x3)], score: score}) AS _v2
}
RETURN {hits: _v2, total: null} AS _v1
}
RETURN 0 AS k, _v1 AS v
