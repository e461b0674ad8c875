WITH DISTINCT n
WHERE ($f.country IS NULL OR EXISTS { (n)-[:IN_COUNTRY]->(:Country {id: $f.country}) })
  AND ($f.kind IS NULL OR n.kind = $f.kind)
// The sort key: each field of $sort in turn, joined by \u0001 (below any character in the
// data) so that comparing the joined strings compares the tuples.
WITH n, reduce(k = '', s IN $sort | k + CASE s WHEN 'NAME' THEN toLower(n.name) ELSE '' END + '\u0001') AS k
