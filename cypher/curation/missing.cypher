// Which of the ids a mutation names are in no node of their label: checked inside the mutation's
// transaction, so nothing is written when one is missing (src/modules/curation/).
RETURN [id IN $incidents WHERE NOT EXISTS { MATCH (:Incident {id: id}) }] AS incidents,
       [id IN $sources WHERE NOT EXISTS { MATCH (:Source {id: id}) }] AS sources
