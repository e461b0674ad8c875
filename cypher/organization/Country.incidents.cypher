// A country's incidents, by datedOn (disclosure, else discovery, else start of access).
// $order (OLDEST_FIRST, NEWEST_FIRST or null), $from and $to (first and last day, or null) and
// $first are the field's arguments (src/modules/organization/resolvers.ts). Undated items count as the
// earliest (first oldest-first, last newest-first, as in root lists) and fall outside any range; null keeps the order by id.
MATCH (this)<-[:IN_COUNTRY]-(i:Incident)
// The date is cut down to a day only when an argument orders or filters by it.
WITH i, CASE WHEN $order IS NULL AND $from IS NULL AND $to IS NULL THEN null ELSE split(i.datedOn, '/')[0] END AS dated
WITH i, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
WHERE ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to)
RETURN i
ORDER BY CASE WHEN $order = 'NEWEST_FIRST' AND day IS NULL THEN 1 ELSE 0 END,
         CASE WHEN $order = 'OLDEST_FIRST' THEN coalesce(day, '') END,
         CASE WHEN $order = 'NEWEST_FIRST' THEN day END DESC,
         CASE WHEN $order IS NOT NULL THEN size(dated) END DESC,
         i.id
LIMIT $first
