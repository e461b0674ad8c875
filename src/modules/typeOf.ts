import type { EntityRecord } from './records.js';

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

/**
 * typeOf for an abstract type with the given members (a union's or an interface's): the resolver's
 * return type is exactly those names, so the generated resolver types check it, and a node of
 * another type is an error rather than a wrong answer.
 */
export function typeAmong<T extends EntityTypeName>(...members: readonly T[]): (record: EntityRecord) => T {
  return (record) => {
    const t = typeOf(record);
    if (!(members as readonly EntityTypeName[]).includes(t)) throw new Error(`A ${t} is none of ${members.join(', ')}`);
    return t as T;
  };
}
