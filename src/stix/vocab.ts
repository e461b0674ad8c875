import { stixId } from './ids.js';

/** The STIX version of every object this graph writes and reads. */
export const SPEC_VERSION = '2.1';

/** This graph as a STIX identity: the `created_by_ref` of every object it exports. */
export const GRAPH_IDENTITY = stixId('identity', 'incident-graph');

/**
 * The extension (a property extension, declared in every bundle) that carries the graph's facts
 * STIX has no property for: each object's graph id, label and stored properties, its sources'
 * links, and on the incident its estimates, exposures, investigations, fines and suspicions
 * (docs/stix.md). The incident core extension (extension-definition--ef765651-...) is not used:
 * its `determination` and `investigation_status` are required, and the graph holds neither.
 */
export const GRAPH_EXTENSION = stixId('extension-definition', 'incident-graph-facts');

/** When the graph's identity and its extension were defined: their fixed `created` and `modified`. */
export const DEFINED_AT = '2026-12-07T00:00:00.000Z';

/**
 * The time of an object whose node no recorded change wrote (a graph written by hand with
 * cypher-shell, or the synthetic generator's): the Unix epoch, read as "unknown".
 */
export const UNKNOWN_TIME = '1970-01-01T00:00:00.000Z';

/** STIX 2.1 industry-sector-ov: a company's sector goes to `sectors` when it is one of these. */
export const INDUSTRY_SECTORS = new Set([
  'agriculture', 'aerospace', 'automotive', 'chemical', 'commercial', 'communications', 'construction', 'defense',
  'education', 'energy', 'entertainment', 'financial-services', 'government', 'government-emergency-services',
  'government-local', 'government-national', 'government-public-services', 'government-regional', 'healthcare',
  'hospitality-leisure', 'infrastructure', 'infrastructure-dams', 'infrastructure-nuclear', 'infrastructure-water',
  'insurance', 'manufacturing', 'mining', 'non-profit', 'pharmaceuticals', 'retail', 'technology',
  'telecommunications', 'transportation', 'utilities',
]);

/**
 * Stored properties that seeds/99-derived-values.cypher computes from the facts (sort keys,
 * search text, best values, converted amounts): not facts, so not exported; an import recomputes
 * them. By label, and `*` for every label.
 */
const DERIVED: Record<string, readonly string[]> = {
  '*': ['listDate', 'knownBy', 'knownByBasis', 'knownBySource', 'isBest', 'relatedKey', 'year', 'knownOn', 'bestMetrics', 'bestFrom', 'bestUntil',
    'everBestAccounts', 'everBestRecords', 'everBestPeople'],
  Incident: [
    'accountsAffected', 'accountsAffectedEstimate', 'accountsAffectedRule', 'accountsAffectedCompared', 'accountsAffectedOtherUnits',
    'recordsExposed', 'recordsExposedEstimate', 'recordsExposedRule', 'recordsExposedCompared', 'recordsExposedOtherUnits',
    'peopleAffected', 'peopleAffectedEstimate', 'peopleAffectedRule', 'peopleAffectedCompared', 'peopleAffectedOtherUnits',
    'datedOn', 'yearBasis', 'yearSource', 'accessYear',
  ],
  Fine: [
    'amount', 'currency', 'amountKey', 'amountReport', 'amountRule', 'amountCompared', 'amountOtherCurrencies',
    'usdAmount', 'usdBasis', 'usdReport', 'date', 'dateAsReported', 'eurAmount', 'rateDate', 'rateRule',
  ],
  Authority: ['newestFineIds'],
  DataCategory: ['exposedIncidents'],
};

/** Whether a stored property of a node with this label is a derived value (DERIVED, or a sort or search key). */
export function isDerived(label: string, key: string): boolean {
  // Best values as they changed, for reads as known on a day (accountsAffectedChanges, amountChangeAmounts...).
  return /^(sort|search)[A-Z]/.test(key) || /^(accountsAffected|recordsExposed|peopleAffected|amount)Change/.test(key) || DERIVED['*']!.includes(key) || (DERIVED[label]?.includes(key) ?? false);
}

/** A stored property's name in STIX (lowercase, underscores): accessStartAsReported -> access_start_as_reported. */
export function snake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** The inverse of snake(). */
export function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
