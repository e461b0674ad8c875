// An investigation as the investigation mutations check against it (src/modules/investigation/
// mutations.ts), read in the write's transaction before it is applied: its dates, its status and
// the incident it is into. No row when it is not live; the write's own checks then name the id.
// A change to any of these since is caught by the write's expectedVersion, or by the lock.
MATCH (inv:Investigation:Entity {id: $id})
RETURN inv.openedOn AS openedOn, inv.closedOn AS closedOn, inv.status AS status,
       COLLECT { MATCH (inv)-[:INTO]->(i:Incident:Entity) RETURN i.id ORDER BY i.id } AS incidents
