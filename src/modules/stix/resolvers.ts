import type { Resolvers } from '../../generated/resolvers.js';
import { badInput } from '../../errors.js';
import { rootAsOf } from '../../read/asOf.js';
import { unknownError } from '../../read/knownIds.js';
import { buildBundle, type IncidentRow } from '../../stix/bundle.js';

export const stixResolvers: Resolvers = {
  Query: {
    // The bundle's own read (cypher/stix/incident.cypher), as GET /stix/incidents/{id} makes it: a
    // document, not a selection the compiler could join to the request's other reads.
    stixBundle: async (_p, { incidentId }, ctx, info) => {
      const asOf = rootAsOf(info);
      const [row] = await ctx.read.named<IncidentRow & Record<string, unknown>>('stix/incident', { id: incidentId, asOf });
      if (!row && asOf) {
        // In the graph, but not yet known on the day asked.
        const [found] = await ctx.read.named<{ labels: string[] | null; knownOn: string | null }>('common/labelsOf', { id: incidentId });
        if (found?.labels?.includes('Incident')) {
          throw badInput(`incidentId: the incident "${incidentId.slice(0, 64)}" was not known on ${asOf}: ${found.knownOn
            ? `the graph counts it as known from ${found.knownOn}` : 'nothing dates when it became known'}.`, 'incidentId', { asOf, knownOn: found.knownOn });
        }
      }
      if (!row) throw await unknownError(ctx, [{ argument: 'incidentId', kind: 'Incident', value: incidentId }]);
      return JSON.stringify(buildBundle(incidentId, row));
    },
  },
};
