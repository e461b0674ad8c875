import type { Resolvers } from '../generated/resolvers.js';
import { checkAsOfOnRoots } from '../read/asOfCheck.js';
import type { FieldMeta } from '../read/compile.js';
import { commonResolvers } from './common/resolvers.js';
import { curationResolvers } from './curation/resolvers.js';
import { historyResolvers } from './history/resolvers.js';
import { revertResolvers } from './history/revert.js';
import { pathsResolvers } from './paths/resolvers.js';
import { incidentResolvers } from './incident/resolvers.js';
import { incidentMutations } from './incident/mutations.js';
import { investigationMutations } from './investigation/mutations.js';
import { narrativeMutations } from './narrative/mutations.js';
import { organizationMutations } from './organization/mutations.js';
import { personMutations } from './person/mutations.js';
import { investigationResolvers } from './investigation/resolvers.js';
import { namedResolvers } from './named/resolvers.js';
import { narrativeResolvers } from './narrative/resolvers.js';
import { organizationResolvers } from './organization/resolvers.js';
import { personResolvers } from './person/resolvers.js';
import { searchResolvers } from './search/resolvers.js';
import { sourceResolvers } from './source/resolvers.js';
import { sourceMutations } from './source/mutations.js';
import { statsResolvers } from './stats/resolvers.js';
import { stixResolvers } from './stix/resolvers.js';

const parts: Resolvers[] = [commonResolvers, organizationResolvers, incidentResolvers, personResolvers, investigationResolvers,
  narrativeResolvers, sourceResolvers, searchResolvers, pathsResolvers, statsResolvers, namedResolvers,
  curationResolvers, historyResolvers, revertResolvers, incidentMutations, sourceMutations, investigationMutations, narrativeMutations,
  organizationMutations, personMutations, stixResolvers];

const merged = parts.reduce<Record<string, Record<string, unknown>>>((acc, part) => {
  for (const [type, fields] of Object.entries(part)) acc[type] = { ...(acc[type] ?? {}), ...(fields as Record<string, unknown>) };
  return acc;
}, {});

/** All resolvers, merged per type (each domain file adds its own Query fields); a root field's asOf is checked before it runs. */
export const resolvers: Resolvers = { ...merged, Query: checkAsOfOnRoots(merged.Query ?? {}) } as Resolvers;

/** What a field's resolver tells the compiler: the properties it reads, how its arguments become parameters. */
export function fieldMeta(type: string, field: string): FieldMeta | undefined {
  const r = (resolvers as Record<string, Record<string, unknown> | undefined>)[type]?.[field];
  return (r as { meta?: FieldMeta } | undefined)?.meta;
}
