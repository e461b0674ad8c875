import type { SourceRecord } from '../source/records.js';

/** A (:Change) node as cypher/history/*.cypher return it: its properties, the ids it touched and its sources. */
export interface ChangeRecord {
  id: string;
  /** ISO 8601 UTC, milliseconds: compares as a string in time order. */
  at: string;
  operation: string;
  actorSubject: string;
  actorRole: string;
  requestId?: string | null;
  /** JSON text: [{ entity, property, before, after }], before and after as JSON values. */
  properties: string;
  /** JSON text: [{ from, type, to, before, after }], before and after as property maps or null (absent). */
  links?: string | null;
  created?: string[] | null;
  reason?: string | null;
  revertOf?: string | null;
  entities: string[];
  sources: SourceRecord[];
}

export interface ChangeActorValue {
  subject: string;
  role: string;
}

export interface LinkChangeValue {
  from: string;
  type: string;
  to: string;
  before: string | null;
  after: string | null;
}

export interface PropertyChangeValue {
  entity: string;
  property: string;
  before: string | null;
  after: string | null;
}
