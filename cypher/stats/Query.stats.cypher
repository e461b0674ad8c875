// Aggregates over the whole graph: each field of Stats has a definition of its own.
WITH true AS stats
RETURN stats
