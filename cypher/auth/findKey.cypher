// The API key a request presents, by its id (unique: api_key_id), read at every request so a
// revoke counts at once.
MATCH (k:ApiKey {id: $id})
RETURN k.name AS name, k.role AS role, k.hash AS hash, k.revokedAt IS NOT NULL AS revoked
