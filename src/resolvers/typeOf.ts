import type { EntityRecord } from '../graph/records/index.js';

const TYPES = ['Company', 'Authority', 'Publisher', 'Country', 'Person', 'Position', 'Suspicion', 'Incident',
  'DataExposure', 'Estimate', 'Investigation', 'Fine', 'FineReport', 'Statement', 'Event', 'Source', 'DataCategory'] as const;

export type EntityTypeName = (typeof TYPES)[number];

/** The GraphQL type of a node record, from its Neo4j labels (the compiler adds them where a type is abstract). */
export function typeOf(record: EntityRecord): EntityTypeName {
  const labels = record._labels ?? [];
  const t = TYPES.find((name) => labels.includes(name));
  if (!t) throw new Error(`A node with labels ${labels.join(':')} has no GraphQL type`);
  return t;
}
