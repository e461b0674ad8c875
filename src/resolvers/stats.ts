import neo4j from 'neo4j-driver';
import type { Resolvers } from '../generated/resolvers.js';
import type { FinesByAuthorityYearValue, IncidentRecord, IncidentsByCountryYearValue, IncidentsByDataCategoryValue } from '../graph/records/index.js';
import { sumDecimals } from '../domain/money.js';
import { pageSize } from '../pagination/pageSize.js';
import { rel, root } from './fields.js';

export const statsResolvers: Resolvers = {
  Query: {
    stats: root<object>(),
  },
  Stats: {
    finesByAuthorityAndYear: rel<FinesByAuthorityYearValue[]>(({ authority }) => ({ authority: authority ?? null })),
    incidentsByDataCategory: rel<IncidentsByDataCategoryValue[]>(),
    largestIncidents: rel<IncidentRecord[]>(({ first, metric }) => ({
      first: neo4j.int(pageSize(first, 'first', { min: 1, fallback: 10 })),
      // The stored sort key of the metric's best value (seeds/99-derived-values.cypher).
      metric: metric ?? 'ACCOUNTS_AFFECTED',
    })),
    incidentsByCountryAndYear: rel<IncidentsByCountryYearValue[]>(({ country }) => ({ country: country ?? null })),
  },
  FinesByAuthorityYear: {
    // Exact sums of decimal strings, never floats.
    totals: (g) => g.totals.map((t) => ({ currency: t.currency, sum: { amount: sumDecimals(t.amounts), currency: t.currency }, count: t.amounts.length })),
  },
};
