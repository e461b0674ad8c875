// An incident's write lock (the SET takes it, so concurrent writes to it queue here), then its
// version and the properties updateIncident may set, as committed now: updateIncident compares
// the version; addEstimate takes the lock before it chooses the incident's best values again.
MATCH (i:Incident {id: $id})
SET i.version = coalesce(i.version, 0)
RETURN i.version AS version, i.title AS title, i.summary AS summary
