// The first write sent with this Idempotency-Key by this identity to this mutation, if it was
// committed since $since (src/write/mutate.ts): a retry returns its result instead of writing
// again. Keys older than that are removed here, a hundred at a time, so they never pile up (and
// an expired key's id is free again for the unique constraint).
CALL () {
  MATCH (old:IdempotencyKey) WHERE old.at < $since
  WITH old LIMIT 100
  DELETE old
}
MATCH (k:IdempotencyKey {id: $id})
RETURN k.request AS request, k.change AS change, k.nodes AS nodes
