WITH DISTINCT n
WHERE ($f.authority IS NULL OR EXISTS { (n)<-[:CONDUCTS]-(:Authority {id: $f.authority}) })
  AND ($f.kind IS NULL OR n.kind = $f.kind)
  AND ($f.status IS NULL OR n.status = $f.status)
// The sort key: each field of $sort in turn, joined by \u0001 (below any character in the
// data) so that comparing the joined strings compares the tuples.
WITH n, reduce(k = '', s IN $sort | k + CASE s WHEN 'OPENED_ON' THEN coalesce(n.openedOn, '') WHEN 'TITLE' THEN toLower(n.title) ELSE '' END + '\u0001') AS k
