import { randomUUID } from 'node:crypto';
import { currentLogContext } from '../logger.js';
import type { Curator } from './actor.js';
import type { LinkWrite, PropertyWrite } from './changeset.js';

export type { LinkWrite, PropertyWrite } from './changeset.js';

/** The properties of a (:Change) node, as cypher/write/apply.cypher sets them (`SET c += $change`). */
export interface ChangeParams {
  id: string;
  at: string;
  operation: string;
  actorSubject: string;
  actorRole: string;
  actorTokenId: string | null;
  requestId: string | null;
  /** JSON text of PropertyWrite[]. */
  properties: string;
  /** JSON text of LinkWrite[]. */
  links: string;
  /** The ids of the nodes it created. */
  created: string[];
  reason: string | null;
  revertOf: string | null;
}

/** A new change by `curator`, made now, in the request being served (its id from the log context). */
export function newChange(curator: Curator, operation: string, properties: PropertyWrite[],
  more: { links?: LinkWrite[]; created?: string[]; reason?: string | null; revertOf?: string | null } = {}): ChangeParams {
  const reqId = currentLogContext()?.reqId;
  return {
    id: `change-${randomUUID()}`,
    at: new Date().toISOString(),
    operation,
    actorSubject: curator.subject,
    actorRole: curator.role,
    actorTokenId: curator.tokenId,
    requestId: typeof reqId === 'string' ? reqId : null,
    properties: JSON.stringify(properties.map((p) => ({ ...p, before: p.before ?? null, after: p.after ?? null }))),
    links: JSON.stringify(more.links ?? []),
    created: more.created ?? [],
    reason: more.reason ?? null,
    revertOf: more.revertOf ?? null,
  };
}
