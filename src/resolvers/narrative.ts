import type { EventFilter, Resolvers, StatementFilter } from '../generated/resolvers.js';
import type { AttendanceRecord, CompanyRecord, EntityRecord, EventRecord, IncidentRecord, PersonRecord, StatementRecord } from '../graph/records/index.js';
import { firstDay, lastDay } from '../domain/partialDate.js';
import { badInput } from '../errors.js';
import { connection } from '../read/connection.js';
import type { FilterSpec, ListSpec } from '../read/lists.js';
import { date, reads, rel, sources } from './fields.js';

/** The filters statements and events share: a node that holds the few items, a kind, a date range on listDate. */
const FILTERS: Record<string, FilterSpec> = {
  person: { anchor: 'node', exact: true },
  incident: { anchor: 'node', exact: true },
  organization: { anchor: 'node', exact: true },
  kind: {},
  between: {},
};

function parse(x: StatementFilter | EventFilter | null | undefined) {
  const from = firstDay(x?.between?.from) ?? null;
  const to = lastDay(x?.between?.to) ?? null;
  if (from && to && from > to) throw badInput('between: from is after to.', 'filter');
  const f = {
    person: x?.person ?? null, incident: x?.incident ?? null, organization: x?.organization ?? null, kind: x?.kind ?? null,
    from: from ?? '0000-01-01', to: to ?? '9999-12-31',
  };
  const present = [f.person && 'person', f.incident && 'incident', f.organization && 'organization', f.kind && 'kind',
    (from || to) && 'between'].filter((p): p is string => typeof p === 'string');
  return { f, present };
}

/** Statements across incidents ("who said what, when"), sorted by sortDate (seeds/99-derived-values.cypher). */
export const statementList: ListSpec<StatementFilter> = { type: 'Statement', domain: 'narrative', sort: { DATE: 'sortDate' }, filters: FILTERS, parse };
export const eventList: ListSpec<EventFilter> = { type: 'Event', domain: 'narrative', sort: { DATE: 'sortDate' }, filters: FILTERS, parse };

export const narrativeResolvers: Resolvers = {
  Statement: {
    speaker: rel<PersonRecord | null>(),
    onBehalfOf: rel<EntityRecord | null>() as never,
    incident: rel<IncidentRecord | null>(),
    date: date('date', 'dateAsReported'),
    reportedOn: date('reportedOn'),
    sources,
  },
  Event: {
    date: date('date', 'dateAsReported'),
    reportedOn: date('reportedOn'),
    organizer: rel<EntityRecord | null>() as never,
    against: rel<CompanyRecord | null>(),
    amounts: reads<EventRecord, { money: { amount: string; currency: string }; label: string | null }[]>(['amounts', 'amountCurrencies', 'amountLabels'],
      (e) => (e.amounts ?? []).map((amount, k) => ({ money: { amount, currency: e.amountCurrencies?.[k] ?? '' }, label: e.amountLabels?.[k] || null }))),
    attendees: rel<AttendanceRecord[]>(),
    incidents: rel<IncidentRecord[]>(),
    sources,
  },
  Query: {
    statements: (_p, args, ctx, info) => connection<StatementRecord, StatementFilter>(ctx, info, statementList, args),
    events: (_p, args, ctx, info) => connection<EventRecord, EventFilter>(ctx, info, eventList, args),
  },
};
