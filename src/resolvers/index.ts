import type { Resolvers } from '../generated/resolvers.js';
import { commonResolvers } from './common.js';
import { incidentResolvers } from './incident.js';
import { investigationResolvers } from './investigation.js';
import { narrativeResolvers } from './narrative.js';
import { organizationResolvers } from './organization.js';
import { personResolvers } from './person.js';
import { searchResolvers } from './search.js';
import { graphResolvers } from './graph.js';
import { statsResolvers } from './stats.js';

const parts: Resolvers[] = [commonResolvers, organizationResolvers, incidentResolvers, personResolvers, investigationResolvers, narrativeResolvers, searchResolvers, graphResolvers, statsResolvers];

/** All resolvers, merged per type (each domain file adds its own Query fields). */
export const resolvers: Resolvers = parts.reduce<Record<string, Record<string, unknown>>>((acc, part) => {
  for (const [type, fields] of Object.entries(part)) acc[type] = { ...(acc[type] ?? {}), ...(fields as Record<string, unknown>) };
  return acc;
}, {}) as Resolvers;
