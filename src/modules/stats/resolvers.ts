import neo4j from 'neo4j-driver';
import type { Resolvers } from '../../generated/resolvers.js';
import type { FinesByAuthorityYearValue, IncidentRecord, IncidentsByCountryYearValue, IncidentsByDataCategoryValue } from '../records.js';
import { sumDecimals } from '../../domain/money.js';
import { pageSize } from '../../pagination/pageSize.js';
import { checkedWhenEmpty } from '../../read/knownIds.js';
import { rel, root } from '../fields.js';

export const statsResolvers: Resolvers = {
  Query: {
    stats: root<object>(),
  },
  Stats: {
    finesByAuthorityAndYear: checkedWhenEmpty(rel<FinesByAuthorityYearValue[]>(({ authority }) => ({ authority: authority ?? null })), 'authority', 'Authority'),
    incidentsByDataCategory: rel<IncidentsByDataCategoryValue[]>(),
    largestIncidents: rel<IncidentRecord[]>(({ first, metric }) => ({
      first: neo4j.int(pageSize(first, 'first', { fallback: 10 })),
      // The stored sort key of the metric's best value (seeds/99-derived-values.cypher).
      metric: metric ?? 'ACCOUNTS_AFFECTED',
    })),
    incidentsByCountryAndYear: checkedWhenEmpty(rel<IncidentsByCountryYearValue[]>(({ country }) => ({ country: country ?? null })), 'country', 'Country'),
  },
  FinesByAuthorityYear: {
    // Exact sums of decimal strings, never floats.
    totals: (g) => g.totals.map((t) => ({ currency: t.currency, sum: { amount: sumDecimals(t.amounts), currency: t.currency }, count: t.amounts.length })),
  },
};
