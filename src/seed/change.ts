import { randomUUID } from 'node:crypto';
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Counts } from './counts.js';

// The (:Change) a system actor records: the seed loader (operation SEED, subject
// seed:<file name>) or a catalogue importer (IMPORT, import:<catalogue>). The same shape as a
// curator's (src/write/change.ts), so history and the changes feed read both; the
// actor has no token and there is no HTTP request, and three properties say what a system write
// did: `links` ('[]'), `created` (ids of the nodes it created) and `detail` (what ran).

export type SystemOperation = 'SEED' | 'IMPORT';

export interface SystemChangeParams {
  id: string;
  at: string;
  operation: SystemOperation;
  actorSubject: string;
  actorRole: 'system';
  actorTokenId: null;
  requestId: null;
  /** JSON text of [{entity, property, before, after}]: '[]' for a seed (too many to list). */
  properties: string;
  links: string;
  created: string[];
  detail: string;
}

export function systemChange(operation: SystemOperation, subject: string, detail: string,
  o: { created?: string[]; properties?: unknown[] } = {}): SystemChangeParams {
  return {
    id: `change-${randomUUID()}`,
    at: new Date().toISOString(),
    operation,
    actorSubject: subject,
    actorRole: 'system',
    actorTokenId: null,
    requestId: null,
    properties: JSON.stringify(o.properties ?? []),
    links: '[]',
    created: o.created ?? [],
    detail,
  };
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A path as the repository names it ("seeds/04-coupang-breach-2025.cypher"), or absolute when it lies outside. */
export function repoPath(path: string): string {
  const r = relative(ROOT, path);
  return r && !r.startsWith('..') && !isAbsolute(r) ? r.split('\\').join('/') : path;
}

/**
 * Whether a write changed the graph's structure. Neo4j counts a property set to the value it
 * already had (a seed's MERGE ... SET run again) as set, so `propertiesSet` cannot tell a re-run
 * from an edit: only nodes, relationships and labels created or removed say something was written.
 */
export function changedStructure(c: Counts): boolean {
  return c.nodesCreated + c.nodesDeleted + c.relationshipsCreated + c.relationshipsDeleted + c.labelsAdded + c.labelsRemoved > 0;
}
