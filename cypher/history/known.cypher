// Whether $id names a node in any state (live, retracted or merged): history(id:) lists the changes
// of a fact retracted or merged since, and refuses an id that never named anything.
RETURN EXISTS { MATCH (n:Entity {id: $id}) } OR EXISTS { MATCH (n:Retracted {id: $id}) } OR EXISTS { MATCH (n:Redirect {id: $id}) } AS known
