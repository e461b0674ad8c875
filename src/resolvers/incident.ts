import type { Resolvers } from '../generated/resolvers.js';
import type {
  CompanyRecord, CountryRecord, DataCategoryRecord, DataExposureRecord, EstimateRecord, EventRecord, FineRecord, IncidentRecord,
  InvestigationRecord, RelatedIncidentRecord, StatementRecord, SuspicionRecord, TimelineEntryRecord,
} from '../graph/records.js';
import type { Context } from '../server/context.js';
import { partialDate } from '../domain/partialDate.js';
import neo4j from 'neo4j-driver';
import { badInput } from '../errors.js';
import { connection, connectionResolvers } from './connection.js';
import { incidentList } from './filters.js';
import { date, many, nodeById, one, sources } from './fields.js';
import { hasType } from './typeOf.js';

const exposures = (i: IncidentRecord, ctx: Context) => ctx.loaders.many<DataExposureRecord>('incident/exposures', i.id);
const estimates = (i: IncidentRecord, ctx: Context) => ctx.loaders.many<EstimateRecord>('incident/estimates', i.id);

export const incidentResolvers: Resolvers = {
  Incident: {
    kind: (i) => i.kind as never,
    summary: (i) => i.summary ?? null,
    company: one<CompanyRecord>('incident/company'),
    country: one<CountryRecord>('entity/country'),
    accessStart: date('accessStart', 'accessStartAsReported'),
    accessEnd: date('accessEnd'),
    accessDurationAsReported: (i) => i.accessDurationAsReported ?? null,
    origin: (i) => i.origin ?? null,
    attackVector: (i) => i.attackVector ?? null,
    discoveredOn: date('discoveredOn'),
    reportedOn: date('reportedOn', 'reportedOnAsReported'),
    disclosedOn: date('disclosedOn'),
    extortion: (i) => (i.extortionDemand ? { demand: i.extortionDemand, ransomDemanded: i.ransomDemanded ?? null } : null),
    exposedData: async (i, _a, ctx) => (await exposures(i, ctx)).filter((x) => x.exposed),
    notExposedData: async (i, _a, ctx) => (await exposures(i, ctx)).filter((x) => !x.exposed),
    estimates: (i, _a, ctx) => estimates(i, ctx),
    accountsAffected: async (i, _a, ctx) => (i.accountsAffectedEstimate
      ? (await estimates(i, ctx)).find((e) => e.id === i.accountsAffectedEstimate) ?? null
      : null),
    investigations: many<InvestigationRecord>('incident/investigations'),
    fines: many<FineRecord>('incident/fines'),
    suspicions: many<SuspicionRecord>('incident/suspicions'),
    statements: many<StatementRecord>('incident/statements'),
    events: many<EventRecord>('incident/events'),
    timeline: many<TimelineEntryRecord>('incident/timeline'),
    relatedIncidents: (i, { first }, ctx) => {
      const n = first ?? 20;
      if (!Number.isInteger(n) || n < 1 || n > 100) throw badInput('first must be an integer from 1 to 100.', 'first');
      return ctx.loaders.many<RelatedIncidentRecord>('incident/related', i.id, { first: neo4j.int(n) });
    },
    sources,
  },
  TimelineEntry: {
    date: (e) => partialDate(e.date, e.dateAsReported)!,
    kind: (e) => e.kind as never,
    title: (e) => e.title ?? estimateTitle(e.node as EstimateRecord | null | undefined),
    node: (e) => e.node ?? null,
  },
  RelatedBy: {
    reason: (r) => r.reason as never,
  },
  DataExposure: {
    incident: async (x, _a, ctx) => (await ctx.loaders.one<IncidentRecord>('exposure/incident', x.id))!,
    category: async (x, _a, ctx) => (await ctx.loaders.one<DataCategoryRecord>('exposure/category', x.id))!,
    detail: (x) => x.detail ?? null,
    sources,
  },
  Estimate: {
    metric: (e) => e.metric as never,
    qualifier: (e) => e.qualifier as never,
    asOf: date('asOf', 'asOfAsReported'),
    reportedOn: date('reportedOn', 'reportedOnAsReported'),
    note: (e) => e.note ?? null,
    sources,
  },
  IncidentConnection: connectionResolvers,
  Query: {
    incident: async (_p, { id }, ctx) => hasType<IncidentRecord>(await nodeById(ctx, id), 'Incident'),
    incidents: (_p, args, ctx) => connection<IncidentRecord>(ctx, 'incident', incidentList(args.filter), args),
  },
};

const QUALIFIER_WORD: Record<string, string> = { EXACT: '', ABOUT: 'about ', ALMOST: 'almost ', AT_LEAST: 'at least ', MORE_THAN: 'more than ' };

function estimateTitle(e: EstimateRecord | null | undefined): string {
  if (!e) return 'Estimate';
  return `Estimate: ${QUALIFIER_WORD[e.qualifier] ?? ''}${e.value.toLocaleString('en-US')} ${e.unit}`;
}
