import type { Resolvers } from '../generated/resolvers.js';
import type { AuthorityRecord, CompanyRecord, FineRecord, FineReportRecord, IncidentRecord, InvestigationRecord } from '../graph/records.js';
import type { Context } from '../server/context.js';
import { connection, connectionResolvers } from './connection.js';
import { fineList, investigationList } from './filters.js';
import { date, many, nodeById, one, sources } from './fields.js';
import { hasType } from './typeOf.js';

const reports = (f: FineRecord, ctx: Context) => ctx.loaders.many<FineReportRecord>('fine/reports', f.id);

export const investigationResolvers: Resolvers = {
  Investigation: {
    kind: (i) => i.kind as never,
    incident: async (i, _a, ctx) => (await ctx.loaders.one<IncidentRecord>('investigation/incident', i.id))!,
    authorities: many<AuthorityRecord>('investigation/authorities'),
    openedOn: date('openedOn', 'openedOnAsReported'),
    question: (i) => i.question ?? null,
    status: (i) => (i.status ?? null) as never,
    outcome: (i) => i.outcome ?? null,
    fines: many<FineRecord>('investigation/fines'),
    sources,
  },
  Fine: {
    kind: (f) => f.kind as never,
    authority: async (f, _a, ctx) => (await ctx.loaders.one<AuthorityRecord>('fine/authority', f.id))!,
    company: async (f, _a, ctx) => (await ctx.loaders.one<CompanyRecord>('fine/company', f.id))!,
    incident: one<IncidentRecord>('fine/incident'),
    investigation: one<InvestigationRecord>('fine/investigation'),
    amount: (f) => {
      if (!f.amount || !f.currency) throw new Error(`Fine ${f.id} has no derived amount: load seeds/99-derived-values.cypher`);
      return { amount: f.amount, currency: f.currency };
    },
    date: date('date', 'dateAsReported'),
    reason: (f) => f.reason ?? null,
    reports: (f, _a, ctx) => reports(f, ctx),
    sources,
  },
  FineReport: {
    fine: async (r, _a, ctx) => (await ctx.loaders.one<FineRecord>('fineReport/fine', r.id))!,
    amount: (r) => (r.amount && r.currency ? { amount: r.amount, currency: r.currency } : null),
    conversions: (r) => (r.conversionAmounts ?? []).map((amount, k) => ({ amount, currency: r.conversionCurrencies?.[k] ?? '' })),
    date: date('date', 'dateAsReported'),
    sources,
  },
  FineConnection: connectionResolvers,
  InvestigationConnection: connectionResolvers,
  Query: {
    investigation: async (_p, { id }, ctx) => hasType<InvestigationRecord>(await nodeById(ctx, id), 'Investigation'),
    fine: async (_p, { id }, ctx) => hasType<FineRecord>(await nodeById(ctx, id), 'Fine'),
    fines: (_p, args, ctx) => connection<FineRecord>(ctx, 'fine', fineList(args.filter), args),
    investigations: (_p, args, ctx) => connection<InvestigationRecord>(ctx, 'investigation', investigationList(args.filter), args),
  },
};
