import type { FineFilter, InvestigationFilter, Resolvers } from '../generated/resolvers.js';
import type { AuthorityRecord, CompanyRecord, FineRecord, FineReportRecord, IncidentRecord, InvestigationRecord } from '../graph/records/index.js';
import { connection } from '../read/connection.js';
import { byId, date, reads, rel, root, sources } from './fields.js';
import { bestValueBasis } from '../domain/bestValue.js';
import type { ConvertedAmountValue } from '../graph/records/index.js';
import type { ListSpec } from '../read/lists.js';
import { badInput } from '../errors.js';
import neo4j from 'neo4j-driver';

/** An exact decimal as a fixed-width string: comparing strings compares amounts (as seeds/99-derived-values.cypher stores it). */
export function amountKey(amount: string): string {
  const [int = '0', frac = ''] = amount.split('.');
  if (amount.startsWith('-')) throw badInput('minAmount must not be negative.', 'filter');
  if (int.length > 24 || frac.length > 6) throw badInput('minAmount has more than 24 integer or 6 decimal digits.', 'filter');
  return `${int.padStart(24, '0')}.${frac.padEnd(6, '0')}`;
}

export const fineList: ListSpec<FineFilter> = {
  type: 'Fine',
  domain: 'investigation',
  sort: { AMOUNT: 'sortAmount', AMOUNT_IN_USD: 'sortUsd', DATE: 'sortDate' },
  filters: {
    company: { anchor: 'node', exact: true },
    authority: { anchor: 'node', exact: true },
    minAmount: { anchor: 'range', exact: true },
    year: { anchor: 'range', exact: true },
    currency: { anchor: 'count', exact: true },
  },
  parse: (filter) => {
    const x = filter ?? {};
    const minCurrency = x.minAmount?.currency.toUpperCase() ?? null;
    const currency = x.currency?.toUpperCase() ?? minCurrency;
    if (minCurrency && currency !== minCurrency) throw badInput('minAmount is compared in its own currency: it differs from currency.', 'filter');
    if (currency && !/^[A-Z]{3}$/.test(currency)) throw badInput('currency must be an ISO 4217 code such as "KRW".', 'filter');
    const minAmountKey = x.minAmount ? amountKey(x.minAmount.amount) : null;
    const f = {
      company: x.company ?? null,
      authority: x.authority ?? null,
      currency,
      year: x.year != null ? neo4j.int(x.year) : null,
      minAmountKey,
      // The same bounds on the amount sort key (currency + ' ' + amountKey): up to the next currency.
      sortAmountFrom: minAmountKey && `${currency} ${minAmountKey}`,
      sortAmountTo: minAmountKey && `${currency}!`,
    };
    const present = [f.company && 'company', f.authority && 'authority', minAmountKey && 'minAmount', f.year && 'year',
      currency && !minAmountKey && 'currency'].filter((p): p is string => typeof p === 'string');
    return { f, present };
  },
};

export const investigationList: ListSpec<InvestigationFilter> = {
  type: 'Investigation',
  domain: 'investigation',
  sort: { OPENED_ON: 'sortOpenedOn', TITLE: 'sortTitle' },
  filters: { authority: { anchor: 'node', exact: true }, kind: {}, status: {} },
  parse: (x) => {
    const f = { authority: x?.authority ?? null, kind: x?.kind ?? null, status: x?.status ?? null };
    return { f, present: [f.authority && 'authority', f.kind && 'kind', f.status && 'status'].filter((p): p is string => typeof p === 'string') };
  },
};

export const investigationResolvers: Resolvers = {
  Investigation: {
    incident: rel<IncidentRecord>(),
    authorities: rel<AuthorityRecord[]>(),
    openedOn: date('openedOn', 'openedOnAsReported'),
    fines: rel<FineRecord[]>(),
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
    date: date('date', 'dateAsReported'),
    reports: rel<FineReportRecord[]>(),
    sources,
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
    investigation: root(byId),
    fine: root(byId),
    fines: (_p, args, ctx, info) => connection<FineRecord, FineFilter>(ctx, info, fineList, args),
    investigations: (_p, args, ctx, info) => connection<InvestigationRecord, InvestigationFilter>(ctx, info, investigationList, args),
  },
};
