EXISTS { (n)-[:AGAINST]->(:Company)-[:IN_COUNTRY]->(:Country {id: $f.companyCountry}) }
