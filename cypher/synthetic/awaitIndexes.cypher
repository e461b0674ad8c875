// Waits until every index is online (populated after a bulk import), at most $seconds.
CALL db.awaitIndexes($seconds)
