// Revokes an API key (npm run keys -- revoke <id>); a key revoked before keeps its first date.
MATCH (k:ApiKey {id: $id})
WITH k, k.revokedAt IS NOT NULL AS already
SET k.revokedAt = coalesce(k.revokedAt, datetime())
RETURN k.id AS id, k.name AS name, k.role AS role, already, toString(k.revokedAt) AS revokedAt
