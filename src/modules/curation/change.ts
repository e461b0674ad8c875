import { randomUUID } from 'node:crypto';
import { currentLogContext } from '../../logger.js';
import type { Curator } from './actor.js';

/** One property a change set, before and after (null: it had no value). */
export interface PropertyWrite {
  entity: string;
  property: string;
  before: unknown;
  after: unknown;
}

/** The properties of a (:Change) node, as the mutation's Cypher sets them (`SET c += $change`). */
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
}

/** A new change by `curator`, made now, in the request being served (its id from the log context). */
export function newChange(curator: Curator, operation: string, properties: PropertyWrite[]): ChangeParams {
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
  };
}
