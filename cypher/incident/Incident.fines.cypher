// An incident's fines, by the fine's date.
// $order (OLDEST_FIRST, NEWEST_FIRST, SMALLEST_FIRST, LARGEST_FIRST or null), $from and $to (first and last day, or null) and
// $first are the field's arguments (src/modules/incident/resolvers.ts). Undated items count as the
// earliest (first oldest-first, last newest-first, as in root lists) and fall outside any range;
// by amount (the connections' FineListOrder), within a currency as root fines' AMOUNT (sortAmount); null keeps the order by id.
MATCH (this)<-[:FOR_INCIDENT]-(n:Fine)
// The date is cut down to a day only when an argument orders or filters by it.
WITH n, CASE WHEN $order IS NULL AND $from IS NULL AND $to IS NULL THEN null ELSE split(n.date, '/')[0] END AS dated
WITH n, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
WHERE ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to)
RETURN n
ORDER BY CASE WHEN $order = 'NEWEST_FIRST' AND day IS NULL THEN 1 ELSE 0 END,
         CASE WHEN $order = 'OLDEST_FIRST' THEN coalesce(day, '') END,
         CASE WHEN $order = 'NEWEST_FIRST' THEN day END DESC,
         CASE WHEN $order IN ['OLDEST_FIRST', 'NEWEST_FIRST'] THEN size(dated) END DESC,
         CASE WHEN $order = 'SMALLEST_FIRST' THEN n.sortAmount END,
         CASE WHEN $order = 'LARGEST_FIRST' THEN n.sortAmount END DESC,
         n.id
LIMIT $first
