// The country's companies, then the fines against each (a fine is against one company).
MATCH (:Country {id: $f.companyCountry})<-[:IN_COUNTRY]-(:Company)<-[:AGAINST]-(n:Fine)
