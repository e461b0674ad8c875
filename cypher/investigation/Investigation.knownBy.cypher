// The date the investigation is known to have been opened by (knownBy, seeds/99-derived-values.cypher):
// its opening date, else the publication date of the earliest dated source it cites.
WITH this WHERE this.knownBy IS NOT NULL
OPTIONAL MATCH (s:Source {id: this.knownBySource})
RETURN this.knownBy AS date, CASE WHEN this.knownByBasis = 'OPENED' THEN this.openedOnAsReported END AS dateAsReported,
       this.knownByBasis AS basis, s AS source
