// FineReport properties as known on a day ($asOf; src/read/asOf.ts): isBest, whether the report
// was its fine's chosen one then (a day range of its bestFrom/bestUntil holds the day;
// seeds/99-derived-values.cypher).
RETURN any(k IN range(0, size(coalesce(this.bestFrom, [])) - 1) WHERE this.bestFrom[k] <= $asOf AND (this.bestUntil[k] = '' OR $asOf < this.bestUntil[k])) AS isBest
