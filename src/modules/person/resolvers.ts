import type { PersonFilter, Resolvers } from '../../generated/resolvers.js';
import type { AttendanceRecord, CompanyRecord, CountryRecord, EntityRecord, IncidentRecord, PersonRecord, StatementRecord, SuspicionRecord, PositionRecord } from '../records.js';
import { connection } from '../../read/connection.js';
import { connectionOf, date, list, lookup, reads, rel, sources } from '../fields.js';
import { datedListParams } from '../datedList.js';
import { personList } from './list.js';

export const personResolvers: Resolvers = {
  Person: {
    aliases: list('aliases'),
    nationality: rel<CountryRecord | null>(),
    positions: rel<PositionRecord[]>(),
    positionsConnection: connectionOf<PositionRecord>('Person.positions'),
    statements: rel<StatementRecord[]>(datedListParams),
    statementsConnection: connectionOf<StatementRecord>('Person.statements', datedListParams),
    suspicions: rel<SuspicionRecord[]>(),
    suspicionsConnection: connectionOf<SuspicionRecord>('Person.suspicions'),
    eventsAttended: rel<AttendanceRecord[]>(),
    formerEmployers: rel<CompanyRecord[]>(),
    formerEmployersConnection: connectionOf<CompanyRecord>('Person.formerEmployers'),
    sources,
  },
  Position: {
    person: rel<PersonRecord>(),
    organization: rel<EntityRecord | null>(),
    acting: reads<PositionRecord, boolean>(['acting'], (p) => p.acting ?? false),
    since: date('since'),
    until: date('until'),
    sources,
  },
  Suspicion: {
    person: rel<PersonRecord>(),
    incident: rel<IncidentRecord>(),
    identifiedBy: rel<EntityRecord[]>(),
    identifiedByConnection: connectionOf<EntityRecord>('Suspicion.identifiedBy'),
    sources,
  },
  Query: {
    person: lookup('Person'),
    people: (_p, args, ctx, info) => connection<PersonRecord, PersonFilter>(ctx, info, personList, args),
  },
};
