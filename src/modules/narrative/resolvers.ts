import type { EventFilter, Resolvers, StatementFilter } from '../../generated/resolvers.js';
import type { AttendanceRecord, CompanyRecord, EntityRecord, EventRecord, IncidentRecord, PersonRecord, StatementRecord } from '../records.js';
import { connection } from '../../read/connection.js';
import { connectionOf, date, reads, rel, sources } from '../fields.js';
import { eventList, statementList } from './list.js';

export const narrativeResolvers: Resolvers = {
  Statement: {
    speaker: rel<PersonRecord | null>(),
    onBehalfOf: rel<EntityRecord | null>(),
    incident: rel<IncidentRecord | null>(),
    date: date('date', 'dateAsReported'),
    reportedOn: date('reportedOn'),
    sources,
  },
  Event: {
    date: date('date', 'dateAsReported'),
    reportedOn: date('reportedOn'),
    organizer: rel<EntityRecord | null>(),
    against: rel<CompanyRecord | null>(),
    amounts: reads<EventRecord, { money: { amount: string; currency: string }; label: string | null }[]>(['amounts', 'amountCurrencies', 'amountLabels'],
      (e) => (e.amounts ?? []).map((amount, k) => ({ money: { amount, currency: e.amountCurrencies?.[k] ?? '' }, label: e.amountLabels?.[k] || null }))),
    attendees: rel<AttendanceRecord[]>(),
    incidents: rel<IncidentRecord[]>(),
    incidentsConnection: connectionOf<IncidentRecord>('Event.incidents'),
    sources,
  },
  Query: {
    statements: (_p, args, ctx, info) => connection<StatementRecord, StatementFilter>(ctx, info, statementList, args),
    events: (_p, args, ctx, info) => connection<EventRecord, EventFilter>(ctx, info, eventList, args),
  },
};
