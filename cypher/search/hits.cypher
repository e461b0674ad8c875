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
WITH CASE WHEN $skip + $limit + $spare < $scan THEN $skip + $limit + $spare ELSE $scan END AS asked
CALL (asked) {
  CALL db.index.fulltext.queryNodes('entity_search_3', $exact, {limit: asked}) YIELD node, score
  WITH node, score, CASE WHEN node:Source THEN $sourceWeight ELSE 1.0 END * score AS weighted
  ORDER BY weighted DESC
  // Only the hits of the labels asked for, known by $asOf: read and least still count every hit
  // read, so a hit left unread (scoring at most least) can never outrank the page.
  RETURN collect(CASE WHEN ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
                       AND ($asOf IS NULL OR node.knownOn <= $asOf OR node:Country OR node:DataCategory)
                      THEN {node: node, score: 1 + weighted} END) AS head, count(*) AS read, min(score) AS least
}
WITH head, (read < asked OR coalesce(1 + least < head[$skip + $limit - 1].score, false)) AS settled
CALL (head, settled) {
  WITH head WHERE settled
  RETURN head AS exact
  UNION ALL
  WITH settled WHERE NOT settled
  // In a CALL of its own: collect() makes a row even from no rows, which would leave a second
  // (empty) list of exact hits beside the settled head and send the forgiving query below.
  CALL () {
    CALL db.index.fulltext.queryNodes('entity_search_3', $exact, {limit: $scan}) YIELD node, score
    WITH node, score WHERE $labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)
    WITH node, CASE WHEN node:Source THEN $sourceWeight ELSE 1.0 END * score AS weighted
    ORDER BY weighted DESC
    WITH collect({node: node, score: 1 + weighted}) AS hits
    // As known on a day, only the hits that can still be on the page are tested: those of the
    // first few that were known, and after them only the hits scoring at least as well as the
    // page's last known one (ties included, for the id to order), so a page is not held up
    // testing the thousands of hits far below it. When too few of the first were known, all.
    WITH hits, CASE WHEN $asOf IS NULL THEN hits
                    ELSE [h IN hits[0..4 * ($skip + $limit)] WHERE h.node.knownOn <= $asOf OR h.node:Country OR h.node:DataCategory] END AS first
    WITH hits, first, CASE WHEN $asOf IS NOT NULL AND size(first) >= $skip + $limit THEN first[$skip + $limit - 1].score END AS floor
    RETURN CASE WHEN $asOf IS NULL THEN hits
                WHEN floor IS NULL THEN [h IN hits WHERE h.node.knownOn <= $asOf OR h.node:Country OR h.node:DataCategory]
                ELSE first + [h IN hits[4 * ($skip + $limit)..] WHERE h.score >= floor
                                AND (h.node.knownOn <= $asOf OR h.node:Country OR h.node:DataCategory)] END AS exact
  }
  RETURN exact
}
// The forgiving query (prefixes and edit distances: the costly part of a search in a large graph)
// runs only when the page reaches past the exact hits: when they fill it, no forgiving hit can be on it.
CALL (exact) {
  // Only the exact hits scoring at least as well as the page's last can be on it (ties included,
  // which the id orders below).
  WITH exact, CASE WHEN size(exact) >= $skip + $limit THEN exact[$skip + $limit - 1].score END AS floor
  UNWIND exact AS hit
  WITH hit, floor WHERE floor IS NULL OR hit.score >= floor
  RETURN hit.node AS node, hit.score AS score
  UNION ALL
  WITH exact WHERE size(exact) < $skip + $limit
  CALL db.index.fulltext.queryNodes('entity_search_3', $forgiving, {limit: $scan}) YIELD node, score
  // The part of the closest name or alias that starts with the text ("Coup": 4 of "Coupang"'s 7).
  WITH node, score, reduce(c = 0.0, n IN [node.name] + coalesce(node.aliases, []) |
    CASE WHEN n IS NOT NULL AND toLower(n) STARTS WITH $phrase AND toFloat(size($phrase)) / size(n) > c
      THEN toFloat(size($phrase)) / size(n) ELSE c END) AS covered
  WITH node, CASE WHEN node:Source THEN $sourceWeight ELSE 1.0 END * score * (1 + $namePrefixWeight * covered) AS weighted
  RETURN node, weighted / (1 + weighted) AS score
}
WITH node, max(score) AS score
WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels))
  AND ($asOf IS NULL OR node.knownOn <= $asOf OR node:Country OR node:DataCategory)
WITH node, score
ORDER BY score DESC, node.id
SKIP $skip
LIMIT $limit
