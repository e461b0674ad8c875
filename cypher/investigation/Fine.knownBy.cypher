// The date the fine is known to have been decided by (knownBy, seeds/99-derived-values.cypher):
// its own date, else the publication date of the earliest dated source behind it or its reports.
WITH this WHERE this.knownBy IS NOT NULL
OPTIONAL MATCH (s:Source {id: this.knownBySource})
RETURN this.knownBy AS date, CASE WHEN this.knownByBasis = 'DECIDED' THEN this.dateAsReported END AS dateAsReported,
       this.knownByBasis AS basis, s AS source
