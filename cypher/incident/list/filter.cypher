// The incident filters (every key of $f present, null when unused). Partial dates compare by
// their first day: "2025-06" is in a range that holds 2025-06-01.
WITH DISTINCT n
WHERE ($f.country IS NULL OR EXISTS { (n)-[:IN_COUNTRY]->(:Country {id: $f.country}) })
  AND ($f.company IS NULL OR EXISTS { (n)-[:AFFECTED]->(:Company {id: $f.company}) })
  AND ($f.authority IS NULL OR EXISTS { (n)<-[:INTO]-(:Investigation)<-[:CONDUCTS]-(:Authority {id: $f.authority}) })
  AND ($f.kind IS NULL OR n.kind = $f.kind)
  AND ($f.categories IS NULL OR CASE WHEN $f.allCategories
        THEN all(c IN $f.categories WHERE EXISTS { (n)-[:HAS_EXPOSURE]->(:DataExposure {exposed: true})-[:OF_CATEGORY]->(:DataCategory {id: c}) })
        ELSE EXISTS { (n)-[:HAS_EXPOSURE]->(:DataExposure {exposed: true})-[:OF_CATEGORY]->(d:DataCategory) WHERE d.id IN $f.categories } END)
  AND ($f.accessedFrom IS NULL OR n.accessStart + substring('-01-01', size(n.accessStart) - 4) >= $f.accessedFrom)
  AND ($f.accessedTo IS NULL OR n.accessStart + substring('-01-01', size(n.accessStart) - 4) <= $f.accessedTo)
  AND ($f.disclosedFrom IS NULL OR n.disclosedOn + substring('-01-01', size(n.disclosedOn) - 4) >= $f.disclosedFrom)
  AND ($f.disclosedTo IS NULL OR n.disclosedOn + substring('-01-01', size(n.disclosedOn) - 4) <= $f.disclosedTo)
  AND ($f.minAccounts IS NULL OR n.accountsAffected >= $f.minAccounts)
  AND ($f.hasFine IS NULL OR EXISTS { (n)<-[:FOR_INCIDENT]-(:Fine) } = $f.hasFine)
  AND ($f.hasSuspect IS NULL OR EXISTS { (n)<-[:IN_INCIDENT]-(:Suspicion) } = $f.hasSuspect)
// The sort key: each field of $sort in turn, joined by \u0001 (below any character in the
// data) so that comparing the joined strings compares the tuples.
WITH n, reduce(k = '', s IN $sort | k + CASE s
  WHEN 'DISCLOSED_ON' THEN coalesce(n.disclosedOn, '')
  WHEN 'ACCESS_START' THEN coalesce(n.accessStart, '')
  // Zero-padded so that comparing strings compares the numbers.
  WHEN 'ACCOUNTS_AFFECTED' THEN CASE WHEN n.accountsAffected IS NULL THEN '' ELSE right('0000000000000000' + toString(toInteger(n.accountsAffected)), 16) END
  WHEN 'TITLE' THEN toLower(n.title)
  ELSE '' END + '\u0001') AS k
