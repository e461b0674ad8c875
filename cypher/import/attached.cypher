// Rows an earlier run attached to an event of another source (attach.cypher), by their link to
// the catalogue.
MATCH (:Source {id: $catalogue})<-[s:SOURCED_FROM]-(e:Event)
WHERE s.catalogue = $catalogue AND s.row IN $rows
RETURN s.row AS row, e.id AS id
