import type { FineFilter, InvestigationFilter, Resolvers } from '../../generated/resolvers.js';
import type { AuthorityRecord, CompanyRecord, FineRecord, FineReportRecord, IncidentRecord, InvestigationRecord } from '../records.js';
import { connection } from '../../read/connection.js';
import { connectionOf, date, lookup, reads, rel, sources } from '../fields.js';
import { bestValueBasis } from '../../domain/bestValue.js';
import { fineList, investigationList } from './list.js';
import { referenceCurrency } from '../../money/currency.js';
import { ECB_SERIES } from '../../money/ecbSeries.js';
import type { ConvertedAmountValue, KnownByDateValue } from '../records.js';
import { partialDate } from '../../domain/partialDate.js';

export const investigationResolvers: Resolvers = {
  Investigation: {
    incident: rel<IncidentRecord>(),
    authorities: rel<AuthorityRecord[]>(),
    authoritiesConnection: connectionOf<AuthorityRecord>('Investigation.authorities'),
    openedOn: date('openedOn', 'openedOnAsReported'),
    knownBy: rel<KnownByDateValue | null>(),
    closedOn: date('closedOn', 'closedOnAsReported'),
    fines: rel<FineRecord[]>(),
    finesConnection: connectionOf<FineRecord>('Investigation.fines'),
    sources,
  },
  Fine: {
    authority: rel<AuthorityRecord>(),
    company: rel<CompanyRecord>(),
    incident: rel<IncidentRecord | null>(),
    investigation: rel<InvestigationRecord | null>(),
    amount: reads<FineRecord, { amount: string; currency: string }>(['amount', 'currency'], (f) => {
      if (!f.amount || !f.currency) throw new Error(`Fine ${f.id} has no derived amount: load seeds/99-derived-values.cypher`);
      return { amount: f.amount, currency: f.currency };
    }),
    amountBasis: reads<FineRecord, NonNullable<ReturnType<typeof bestValueBasis>>>(['amountRule', 'amountCompared', 'amountOtherCurrencies'], (f) => {
      const basis = bestValueBasis('report', f.amountRule, f.amountCompared, f.amountOtherCurrencies);
      if (!basis) throw new Error(`Fine ${f.id} has no derived amount: load seeds/99-derived-values.cypher`);
      return basis;
    }),
    amountInUSD: rel<ConvertedAmountValue | null>(),
    amountIn: rel<ConvertedAmountValue | null>(({ currency }) => ({ currency: referenceCurrency(currency, 'currency'), rateSource: ECB_SERIES.source })),
    date: date('date', 'dateAsReported'),
    knownBy: rel<KnownByDateValue | null>(),
    reports: rel<FineReportRecord[]>(),
    reportsConnection: connectionOf<FineReportRecord>('Fine.reports'),
    sources,
  },
  KnownByDate: {
    date: (k) => partialDate(k.date, k.dateAsReported)!,
  },
  FineReport: {
    fine: rel<FineRecord>(),
    isBest: reads<FineReportRecord, boolean>(['isBest'], (r) => r.isBest ?? false),
    amount: reads<FineReportRecord, { amount: string; currency: string } | null>(['amount', 'currency'],
      (r) => (r.amount && r.currency ? { amount: r.amount, currency: r.currency } : null)),
    conversions: reads<FineReportRecord, { amount: string; currency: string }[]>(['conversionAmounts', 'conversionCurrencies'],
      (r) => (r.conversionAmounts ?? []).map((amount, k) => ({ amount, currency: r.conversionCurrencies?.[k] ?? '' }))),
    date: date('date', 'dateAsReported'),
    sources,
  },
  Query: {
    investigation: lookup('Investigation'),
    fine: lookup('Fine'),
    fines: (_p, args, ctx, info) => connection<FineRecord, FineFilter>(ctx, info, fineList, args),
    investigations: (_p, args, ctx, info) => connection<InvestigationRecord, InvestigationFilter>(ctx, info, investigationList, args),
  },
};
