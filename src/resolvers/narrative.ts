import type { Resolvers } from '../generated/resolvers.js';
import type { AttendanceRecord, CompanyRecord, EntityRecord, EventRecord, IncidentRecord, PersonRecord } from '../graph/records/index.js';
import { date, reads, rel, sources } from './fields.js';

export const narrativeResolvers: Resolvers = {
  Statement: {
    speaker: rel<PersonRecord | null>(),
    onBehalfOf: rel<EntityRecord | null>() as never,
    incident: rel<IncidentRecord | null>(),
    date: date('date', 'dateAsReported'),
    sources,
  },
  Event: {
    date: date('date', 'dateAsReported'),
    organizer: rel<EntityRecord | null>() as never,
    against: rel<CompanyRecord | null>(),
    amounts: reads<EventRecord, { money: { amount: string; currency: string }; label: string | null }[]>(['amounts', 'amountCurrencies', 'amountLabels'],
      (e) => (e.amounts ?? []).map((amount, k) => ({ money: { amount, currency: e.amountCurrencies?.[k] ?? '' }, label: e.amountLabels?.[k] || null }))),
    attendees: rel<AttendanceRecord[]>(),
    incidents: rel<IncidentRecord[]>(),
    sources,
  },
};
