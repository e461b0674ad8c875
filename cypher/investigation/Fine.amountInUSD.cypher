// The USD amount seeds/99-derived-values.cypher chose (usdAmount), with the report behind it.
WITH this WHERE this.usdAmount IS NOT NULL
OPTIONAL MATCH (this)-[:REPORTED_AS]->(r:FineReport {id: this.usdReport})
RETURN {amount: this.usdAmount, currency: 'USD'} AS money, this.usdBasis AS basis, r AS report
