WITH DISTINCT n
WHERE ($f.organization IS NULL OR EXISTS { (n)-[:HOLDS]->(:Position)-[:AT]->(:Entity {id: $f.organization}) })
  AND ($f.isSuspect IS NULL OR EXISTS { (n)-[:SUBJECT_OF]->(:Suspicion) } = $f.isSuspect)
// The sort key: each field of $sort in turn, joined by \u0001 (below any character in the
// data) so that comparing the joined strings compares the tuples.
WITH n, reduce(k = '', s IN $sort | k + CASE s WHEN 'NAME' THEN toLower(coalesce(n.name, '')) ELSE '' END + '\u0001') AS k
