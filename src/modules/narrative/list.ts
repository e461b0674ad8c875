import type { EventFilter, StatementFilter } from '../../generated/resolvers.js';
import { presentFilters, type FilterSpec, type ListSpec } from '../../read/lists.js';
import { openDayRange } from '../datedList.js';

/** The filters statements and events share: a node that holds the few items, a kind, a date range on listDate. */
const FILTERS: Record<string, FilterSpec> = {
  person: { anchor: 'node', exact: true },
  incident: { anchor: 'node', exact: true },
  organization: { anchor: 'node', exact: true },
  kind: {},
  between: {},
};

function parse(x: StatementFilter | EventFilter | null | undefined) {
  const between = openDayRange(x?.between, 'filter.between', 'filter');
  const f = {
    person: x?.person ?? null, incident: x?.incident ?? null, organization: x?.organization ?? null, kind: x?.kind ?? null,
    from: between.from, to: between.to,
  };
  return { f, present: presentFilters({ person: f.person, incident: f.incident, organization: f.organization, kind: f.kind, between: between.given }) };
}

/** Statements across incidents ("who said what, when"), sorted by sortDate (seeds/99-derived-values.cypher). */
export const statementList: ListSpec<StatementFilter> = { type: 'Statement', domain: 'narrative', sort: { DATE: 'sortDate' }, filters: FILTERS, parse };
export const eventList: ListSpec<EventFilter> = { type: 'Event', domain: 'narrative', sort: { DATE: 'sortDate' }, filters: FILTERS, parse };
