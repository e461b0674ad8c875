// Keyset page over rows (n, k): k is the string sort key, n.id the tie-break, both following
// $desc. $afterKey/$afterId come from the cursor. Empty keys (no value) sort first ascending.
WITH n, k
WHERE $afterId IS NULL
   OR ($desc AND (k < $afterKey OR (k = $afterKey AND n.id < $afterId)))
   OR (NOT $desc AND (k > $afterKey OR (k = $afterKey AND n.id > $afterId)))
RETURN n {.*, _labels: labels(n)} AS node, k AS sortKey
ORDER BY CASE WHEN $desc THEN k END DESC, CASE WHEN $desc THEN n.id END DESC,
         CASE WHEN NOT $desc THEN k END, CASE WHEN NOT $desc THEN n.id END
LIMIT $limit
