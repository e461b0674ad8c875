import neo4j from 'neo4j-driver';
import type { Resolvers } from '../../generated/resolvers.js';
import type { FinesByAuthorityYearValue, FinesByYearValue, IncidentRecord, LargestFineInCountryValue, IncidentsByCountryYearValue, IncidentsByDataCategoryValue } from '../records.js';
import { sumDecimals } from '../../domain/money.js';
import { pageSize } from '../../pagination/pageSize.js';
import { checkedWhenEmpty } from '../../read/knownIds.js';
import { rel, root } from '../fields.js';
import { checkOrder, currencyCode, fineTotalsParams, orderTotals } from './fineTotals.js';

// Exact sums of decimal strings, never floats.
const moneyTotals = (totals: { currency: string; amounts: string[] }[]) =>
  totals.map((t) => ({ currency: t.currency, sum: { amount: sumDecimals(t.amounts), currency: t.currency }, count: t.amounts.length }));

/** A rel() whose rows come back in the order asked (orderBy, first), ordered here: the sums are exact only here. */
function ordered(field: ReturnType<typeof rel<FinesByAuthorityYearValue[]>>): typeof field {
  const sorted = async (...a: Parameters<typeof field>) => orderTotals(await field(...a), a[1]);
  return Object.assign(sorted, { meta: field.meta });
}

export const statsResolvers: Resolvers = {
  Query: {
    stats: root<object>(),
  },
  Stats: {
    finesByAuthorityAndYear: checkedWhenEmpty(ordered(rel<FinesByAuthorityYearValue[]>((args) => {
      checkOrder(args);
      return { authority: args.authority ?? null, ...fineTotalsParams(args) };
    })), 'authority', 'Authority'),
    finesByYear: checkedWhenEmpty(rel<FinesByYearValue[]>((args) => ({ country: args.country ?? null, ...fineTotalsParams(args) })), 'country', 'Country'),
    largestFinesByCountry: rel<LargestFineInCountryValue[]>(({ currency }) => ({ currency: currency != null ? currencyCode(currency, 'currency') : null })),
    incidentsByDataCategory: rel<IncidentsByDataCategoryValue[]>(),
    largestIncidents: rel<IncidentRecord[]>(({ first, metric }) => ({
      first: neo4j.int(pageSize(first, 'first', { fallback: 10 })),
      // The stored sort key of the metric's best value (seeds/99-derived-values.cypher).
      metric: metric ?? 'ACCOUNTS_AFFECTED',
    })),
    incidentsByCountryAndYear: checkedWhenEmpty(rel<IncidentsByCountryYearValue[]>(({ country }) => ({ country: country ?? null })), 'country', 'Country'),
  },
  FinesByAuthorityYear: {
    totals: (g) => moneyTotals(g.totals),
  },
  FinesByYear: {
    totals: (g) => moneyTotals(g.totals),
  },
};
