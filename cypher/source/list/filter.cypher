WITH DISTINCT n
WHERE ($f.publisher IS NULL OR EXISTS { (n)-[:PUBLISHED_BY]->(:Publisher {id: $f.publisher}) })
// The sort key: each field of $sort in turn, joined by \u0001 (below any character in the
// data) so that comparing the joined strings compares the tuples.
WITH n, reduce(k = '', s IN $sort | k + CASE s WHEN 'PUBLISHED_ON' THEN coalesce(n.publishedOn, '') ELSE '' END + '\u0001') AS k
