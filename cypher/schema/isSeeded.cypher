// Whether the database holds the curated graph yet: start-up loads seeds/ into an empty one (src/bootstrap.ts).
MATCH (n:Entity) RETURN count(n) > 0 AS seeded
