// Kind 4: the first 20 incidents of one company by id, from the company's id index.
MATCH (:Company {id: $company})<-[:AFFECTED]-(i:Incident)
RETURN i {.id, .title, .kind, .accessStart, .disclosedOn} AS row
ORDER BY i.id
LIMIT 20
