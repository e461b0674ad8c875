// An authority's fines, by the fine's date (its most precise reported date).
// $order (OLDEST_FIRST, NEWEST_FIRST, SMALLEST_FIRST, LARGEST_FIRST or null), $from and $to (first and last day, or null) and
// $first are the field's arguments (src/modules/organization/resolvers.ts). Undated items count as the
// earliest (first oldest-first, last newest-first, as in root lists) and fall outside any range;
// by amount (the connections' FineListOrder), within a currency as root fines' AMOUNT (sortAmount); null keeps the order by id.
// The newest first, at most 25 of them, no range: the fines are among the 25 newest that
// seeds/99-derived-values.cypher keeps on the authority (newestFineIds, in this same order), so
// only those are read, in that order, until $first of them are found (a fine deleted since the
// list was kept is skipped); an authority with fewer than 25 fines has them all there.
WITH this, coalesce($order = 'NEWEST_FIRST' AND $from IS NULL AND $to IS NULL
                   AND ($first <= 25 OR size(this.newestFineIds) < 25), false) AS stored
CALL (this, stored) {
  WITH this WHERE stored
  UNWIND this.newestFineIds AS fineId
  MATCH (f:Fine {id: fineId})
  WHERE (this)-[:IMPOSED]->(f)
  RETURN f
  LIMIT $first
  UNION ALL
  WITH this WHERE NOT stored
  MATCH (this)-[:IMPOSED]->(f:Fine)
  RETURN f
}
// The date is cut down to a day only when an argument orders or filters by it.
WITH f, CASE WHEN $order IS NULL AND $from IS NULL AND $to IS NULL THEN null ELSE split(f.date, '/')[0] END AS dated
WITH f, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
WHERE ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to)
RETURN f
ORDER BY CASE WHEN $order = 'NEWEST_FIRST' AND day IS NULL THEN 1 ELSE 0 END,
         CASE WHEN $order = 'OLDEST_FIRST' THEN coalesce(day, '') END,
         CASE WHEN $order = 'NEWEST_FIRST' THEN day END DESC,
         CASE WHEN $order IN ['OLDEST_FIRST', 'NEWEST_FIRST'] THEN size(dated) END DESC,
         CASE WHEN $order = 'SMALLEST_FIRST' THEN f.sortAmount END,
         CASE WHEN $order = 'LARGEST_FIRST' THEN f.sortAmount END DESC,
         f.id
LIMIT $first
