MATCH (:Country {id: $f.country})<-[:IN_COUNTRY]-(n:Company)
