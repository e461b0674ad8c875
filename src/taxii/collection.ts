import type { Bundle, StixObject } from '../stix/bundle.js';
import { uuidv5 } from '../stix/ids.js';

/** The one collection of the API root: every incident's bundle, its objects merged. */
export const INCIDENTS_COLLECTION = {
  id: uuidv5('taxii|collection|incidents'),
  title: 'Incidents',
  description: 'Every incident of the graph as STIX 2.1: the objects of GET /stix/incidents/{id} for all incidents, each once (docs/stix.md).',
  can_read: true,
  can_write: false,
  media_types: ['application/stix+json;version=2.1'],
};

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
/** Objects per page when `limit` is not given, and the most a page holds. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

/** An object of the collection with the time it was added: its `modified` (the graph keeps one version of each). */
export interface Entry { object: StixObject; dateAdded: string }

/**
 * The collection's objects from the bundles, each once, ordered by date added, then id. An object
 * in several bundles (a company, a source, this graph's identity) is the same object; a report
 * lists the objects it supports in each incident's bundle, and here all of them.
 */
export function collectionEntries(bundles: readonly Bundle[]): Entry[] {
  const byId = new Map<string, StixObject>();
  for (const b of bundles) {
    for (const o of b.objects) {
      const seen = byId.get(o.id);
      if (!seen) byId.set(o.id, o);
      else if (Array.isArray(o.object_refs)) {
        byId.set(o.id, { ...seen, object_refs: [...new Set([...(seen.object_refs as string[]), ...(o.object_refs as string[])])].sort() });
      }
    }
  }
  return [...byId.values()]
    .map((object) => ({ object, dateAdded: String(object.modified ?? object.created) }))
    .sort((a, b) => (a.dateAdded < b.dateAdded ? -1 : a.dateAdded > b.dateAdded ? 1 : a.object.id.localeCompare(b.object.id)));
}

export interface Filters {
  addedAfter?: string;
  ids?: string[];
  types?: string[];
  specVersions?: string[];
  versions?: string[];
}

export class BadFilter extends Error {}

/** The filters of a TAXII request's query (`added_after`, `match[id]`, `match[type]`, `match[spec_version]`, `match[version]`). */
export function filtersOf(query: Record<string, unknown>): Filters {
  const list = (key: string) => {
    const v = query[key];
    if (v === undefined) return undefined;
    return (Array.isArray(v) ? v : [v]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  };
  const addedAfter = query.added_after === undefined ? undefined : String(query.added_after);
  if (addedAfter !== undefined && Number.isNaN(Date.parse(addedAfter))) throw new BadFilter(`added_after must be a timestamp (RFC 3339), not "${addedAfter.slice(0, 64)}"`);
  const versions = list('match[version]');
  // The graph keeps one version of each object: it is the first, the last and "all".
  if (versions?.some((v) => !['first', 'last', 'all'].includes(v) && Number.isNaN(Date.parse(v)))) {
    throw new BadFilter('match[version] takes first, last, all or a timestamp');
  }
  return { addedAfter: addedAfter && new Date(addedAfter).toISOString(), ids: list('match[id]'), types: list('match[type]'), specVersions: list('match[spec_version]'), ...(versions ? { versions } : {}) };
}

export function filtered(entries: readonly Entry[], f: Filters): Entry[] {
  return entries.filter(({ object, dateAdded }) =>
    (f.addedAfter === undefined || dateAdded > f.addedAfter)
    && (f.ids === undefined || f.ids.includes(object.id))
    && (f.types === undefined || f.types.includes(object.type))
    && (f.specVersions === undefined || f.specVersions.includes(String(object.spec_version ?? '2.1')))
    && (f.versions === undefined || f.versions.some((v) => ['first', 'last', 'all'].includes(v) || new Date(v).toISOString() === object.modified)));
}

export interface Page { entries: Entry[]; more: boolean; next?: string }

/**
 * A page of at most `limit` entries after the `next` token of the previous page. The token is the
 * last entry's date added and id: a page stays in place when objects are added after it.
 */
export function pageOf(entries: readonly Entry[], limit: number, next?: string): Page {
  let start = 0;
  if (next !== undefined) {
    const [dateAdded, id] = decodeNext(next);
    start = entries.findIndex((e) => e.dateAdded > dateAdded || (e.dateAdded === dateAdded && e.object.id > id));
    if (start < 0) start = entries.length;
  }
  const page = entries.slice(start, start + limit);
  const more = start + limit < entries.length;
  const last = page[page.length - 1];
  return { entries: page, more, next: more && last ? Buffer.from(`${last.dateAdded} ${last.object.id}`).toString('base64url') : undefined };
}

function decodeNext(next: string): [string, string] {
  const parts = Buffer.from(next, 'base64url').toString('utf8').split(' ');
  if (parts.length !== 2 || Number.isNaN(Date.parse(parts[0]!)) || !/^[a-z0-9-]+--[0-9a-f-]{36}$/.test(parts[1]!)) throw new BadFilter('next is not a token this server gave');
  return parts as [string, string];
}

export function limitOf(value: unknown): number {
  if (value === undefined) return DEFAULT_LIMIT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new BadFilter('limit must be a positive integer');
  return Math.min(n, MAX_LIMIT);
}
