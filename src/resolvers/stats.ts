import neo4j from 'neo4j-driver';
import type { Resolvers } from '../generated/resolvers.js';
import type { AuthorityRecord, CountryRecord, DataCategoryRecord, IncidentRecord } from '../graph/records.js';
import { sumDecimals } from '../domain/money.js';
import { badInput } from '../errors.js';

export const statsResolvers: Resolvers = {
  Query: {
    stats: () => ({}),
  },
  Stats: {
    finesByAuthorityAndYear: async (_s, { authority }, ctx) => {
      const rows = await ctx.loaders.read<{ authority: AuthorityRecord; year: number | null; currency: string; amounts: string[] }>(
        'stats/finesByAuthorityYear', { authority: authority ?? null });
      const groups = new Map<string, { authority: AuthorityRecord; year: number | null; totals: { currency: string; sum: { amount: string; currency: string }; count: number }[] }>();
      for (const r of rows) {
        const key = `${r.authority.id}|${r.year}`;
        let g = groups.get(key);
        if (!g) groups.set(key, g = { authority: r.authority, year: r.year, totals: [] });
        g.totals.push({ currency: r.currency, sum: { amount: sumDecimals(r.amounts), currency: r.currency }, count: r.amounts.length });
      }
      return [...groups.values()];
    },
    incidentsByDataCategory: async (_s, _a, ctx) =>
      ctx.loaders.read<{ category: DataCategoryRecord; incidents: number }>('stats/incidentsByDataCategory', {}),
    largestIncidents: async (_s, { first }, ctx) => {
      const n = first ?? 10;
      if (!Number.isInteger(n) || n < 1 || n > 100) throw badInput('first must be an integer from 1 to 100.', 'first');
      return (await ctx.loaders.read<{ node: IncidentRecord }>('stats/largestIncidents', { first: neo4j.int(n) })).map((r) => r.node);
    },
    incidentsByCountryAndYear: async (_s, { country }, ctx) =>
      ctx.loaders.read<{ country: CountryRecord; year: number | null; incidents: number }>('stats/incidentsByCountryYear', { country: country ?? null }),
  },
};
