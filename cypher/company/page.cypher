// One page in id order, keyset-paginated: $after is the last id seen (or null).
MATCH (n:Company)
WHERE $after IS NULL OR n.id > $after
RETURN n {.*, _labels: labels(n)} AS node
ORDER BY n.id
LIMIT $limit
