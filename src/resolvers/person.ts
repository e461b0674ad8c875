import type { PersonFilter, Resolvers } from '../generated/resolvers.js';
import type { AttendanceRecord, CompanyRecord, CountryRecord, EntityRecord, IncidentRecord, PersonRecord, StatementRecord, SuspicionRecord, PositionRecord } from '../graph/records/index.js';
import { connection } from '../read/connection.js';
import type { ListSpec } from '../read/lists.js';
import { byId, date, list, reads, rel, root, sources } from './fields.js';
import { datedListParams } from './datedList.js';

export const personList: ListSpec<PersonFilter> = {
  type: 'Person',
  domain: 'person',
  sort: { NAME: 'sortName' },
  filters: { organization: { anchor: 'node', exact: true }, isSuspect: {} },
  parse: (x) => {
    const f = { organization: x?.organization ?? null, isSuspect: x?.isSuspect ?? null };
    return { f, present: [f.organization && 'organization', f.isSuspect != null && 'isSuspect'].filter((p): p is string => typeof p === 'string') };
  },
};

export const personResolvers: Resolvers = {
  Person: {
    aliases: list('aliases'),
    nationality: rel<CountryRecord | null>(),
    positions: rel<PositionRecord[]>(),
    statements: rel<StatementRecord[]>(datedListParams),
    suspicions: rel<SuspicionRecord[]>(),
    eventsAttended: rel<AttendanceRecord[]>(),
    formerEmployers: rel<CompanyRecord[]>(),
    sources,
  },
  Position: {
    person: rel<PersonRecord>(),
    organization: rel<EntityRecord | null>() as never,
    acting: reads<PositionRecord, boolean>(['acting'], (p) => p.acting ?? false),
    since: date('since'),
    until: date('until'),
    sources,
  },
  Suspicion: {
    person: rel<PersonRecord>(),
    incident: rel<IncidentRecord>(),
    identifiedBy: rel<EntityRecord[]>() as never,
    sources,
  },
  Query: {
    person: root(byId),
    people: (_p, args, ctx, info) => connection<PersonRecord, PersonFilter>(ctx, info, personList, args),
  },
};
