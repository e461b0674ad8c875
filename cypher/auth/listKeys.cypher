// Every API key, oldest first, without its hash (npm run keys -- list).
MATCH (k:ApiKey)
RETURN k.id AS id, k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt, toString(k.revokedAt) AS revokedAt
ORDER BY k.createdAt, k.id
