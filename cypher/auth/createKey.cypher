// A new API key (npm run keys -- create): its id, name and role, and the SHA-256 of its secret;
// never the secret itself. No :Entity label: keys are not part of the graph the API serves.
CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, createdAt: datetime()})
RETURN k.id AS id, k.name AS name, k.role AS role, toString(k.createdAt) AS createdAt
