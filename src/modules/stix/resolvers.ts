import type { Resolvers } from '../../generated/resolvers.js';
import { unknownError } from '../../read/knownIds.js';
import { buildBundle, type IncidentRow } from '../../stix/bundle.js';

export const stixResolvers: Resolvers = {
  Query: {
    // The bundle's own read (cypher/stix/incident.cypher), as GET /stix/incidents/{id} makes it: a
    // document, not a selection the compiler could join to the request's other reads.
    stixBundle: async (_p, { incidentId }, ctx) => {
      const [row] = await ctx.read.named<IncidentRow & Record<string, unknown>>('stix/incident', { id: incidentId });
      if (!row) throw await unknownError(ctx, [{ argument: 'incidentId', kind: 'Incident', value: incidentId }]);
      return JSON.stringify(buildBundle(incidentId, row));
    },
  },
};
