// Events about an incident, by their date, else the date a source reported them.
// $order (OLDEST_FIRST, NEWEST_FIRST or null), $from and $to (first and last day, or null) and
// $first are the field's arguments (src/modules/incident/resolvers.ts). Undated items count as the
// earliest (first oldest-first, last newest-first, as in root lists) and fall outside any range; null keeps the order by its own date, then id.
MATCH (this)<-[:CONCERNS]-(n:Event)
// The date is cut down to a day only when an argument orders or filters by it.
WITH n, CASE WHEN $order IS NULL AND $from IS NULL AND $to IS NULL THEN null ELSE split(coalesce(n.date, n.reportedOn), '/')[0] END AS dated
WITH n, dated, CASE WHEN dated IS NULL THEN null ELSE left(dated + substring('0000-01-01', size(dated)), 10) END AS day
WHERE ($from IS NULL OR day >= $from) AND ($to IS NULL OR day <= $to)
RETURN n
ORDER BY CASE WHEN $order = 'NEWEST_FIRST' AND day IS NULL THEN 1 ELSE 0 END,
         CASE WHEN $order = 'OLDEST_FIRST' THEN coalesce(day, '') END,
         CASE WHEN $order = 'NEWEST_FIRST' THEN day END DESC,
         CASE WHEN $order IS NOT NULL THEN size(dated) END DESC,
         CASE WHEN $order IS NULL THEN n.date END, n.id
LIMIT $first
