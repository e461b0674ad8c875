import type { Resolvers } from '../generated/resolvers.js';
import type { AttendanceRecord, CompanyRecord, EntityRecord, IncidentRecord, PersonRecord, SourceRecord, PublisherRecord, DataCategoryRecord } from '../graph/records.js';
import { connection, connectionResolvers } from './connection.js';
import { sourceList } from './filters.js';
import { date, many, nodeById, one, sources } from './fields.js';
import { hasType } from './typeOf.js';

export const narrativeResolvers: Resolvers = {
  Statement: {
    kind: (s) => s.kind as never,
    speaker: one<PersonRecord>('statement/speaker'),
    onBehalfOf: one<EntityRecord>('statement/onBehalfOf') as never,
    incident: one<IncidentRecord>('statement/incident'),
    quote: (s) => s.quote ?? null,
    summary: (s) => s.summary ?? null,
    date: date('date', 'dateAsReported'),
    sources,
  },
  Event: {
    kind: (e) => e.kind as never,
    description: (e) => e.description ?? null,
    date: date('date', 'dateAsReported'),
    organizer: one<EntityRecord>('event/organizer') as never,
    against: one<CompanyRecord>('event/against'),
    amounts: (e) => (e.amounts ?? []).map((amount, k) => ({
      money: { amount, currency: e.amountCurrencies?.[k] ?? '' }, label: e.amountLabels?.[k] || null })),
    attendees: many<AttendanceRecord>('event/attendees'),
    incidents: many<IncidentRecord>('event/incidents'),
    sources,
  },
  Source: {
    title: (s) => s.title ?? null,
    url: (s) => s.url ?? null,
    kind: (s) => s.kind as never,
    publisher: one<PublisherRecord>('source/publisher'),
    publishedOn: date('publishedOn'),
    dateNote: (s) => s.dateNote ?? null,
    language: (s) => s.language ?? null,
    supports: many<EntityRecord>('source/supports') as never,
  },
  DataCategory: {
    hibpClass: (d) => d.hibpClass ?? null,
    verisVariety: (d) => d.verisVariety ?? null,
    incidentsExposed: many<IncidentRecord>('dataCategory/incidentsExposed'),
  },
  SourceConnection: connectionResolvers,
  Query: {
    source: async (_p, { id }, ctx) => hasType<SourceRecord>(await nodeById(ctx, id), 'Source'),
    sources: (_p, args, ctx) => connection<SourceRecord>(ctx, 'source', sourceList(args.filter), args),
    dataCategories: async (_p, _a, ctx) => (await ctx.loaders.read<{ node: DataCategoryRecord }>('dataCategory/all', {})).map((r) => r.node),
  },
};
