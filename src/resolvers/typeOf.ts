import type { EntityRecord } from '../graph/records.js';

const TYPES = ['Company', 'Authority', 'Publisher', 'Country', 'Person', 'Position', 'Suspicion', 'Incident',
  'DataExposure', 'Estimate', 'Investigation', 'Fine', 'FineReport', 'Statement', 'Event', 'Source', 'DataCategory'] as const;

export type EntityTypeName = (typeof TYPES)[number];

/** The GraphQL type of a node record, from its Neo4j labels. */
export function typeOf(record: Pick<EntityRecord, '_labels'>): EntityTypeName {
  const t = TYPES.find((name) => record._labels.includes(name));
  if (!t) throw new Error(`A node with labels ${record._labels.join(':')} has no GraphQL type`);
  return t;
}

export function hasType<T extends EntityRecord>(record: EntityRecord | null, type: EntityTypeName): T | null {
  return record && typeOf(record) === type ? (record as T) : null;
}
