// Everything one catalogue brought in: the nodes it created (reports added to curated fines
// included) go, with their relationships; curated nodes stay. Countries it created go only when
// nothing else uses them.
MATCH (n:Entity {catalogue: $catalogue})
WHERE NOT n:Country
DETACH DELETE n
WITH count(*) AS removed
OPTIONAL MATCH (c:Country {catalogue: $catalogue})
WHERE NOT EXISTS { (c)--() }
DETACH DELETE c
RETURN removed + count(c) AS removed
