import type { Resolvers } from '../generated/resolvers.js';
import type { AttendanceRecord, CompanyRecord, CountryRecord, EntityRecord, IncidentRecord, PersonRecord, PositionRecord, StatementRecord, SuspicionRecord } from '../graph/records.js';
import { connection, connectionResolvers } from './connection.js';
import { personList } from './filters.js';
import { date, list, many, nodeById, one, sources } from './fields.js';
import { hasType } from './typeOf.js';

export const personResolvers: Resolvers = {
  Person: {
    name: (p) => p.name ?? null,
    aliases: list('aliases'),
    description: (p) => p.description ?? null,
    nationality: one<CountryRecord>('person/nationality'),
    positions: many<PositionRecord>('person/positions'),
    statements: many<StatementRecord>('person/statements'),
    suspicions: many<SuspicionRecord>('person/suspicions'),
    eventsAttended: many<AttendanceRecord>('person/eventsAttended'),
    formerEmployers: many<CompanyRecord>('person/formerEmployers'),
    sources,
  },
  Position: {
    person: async (p, _a, ctx) => (await ctx.loaders.one<PersonRecord>('position/person', p.id))!,
    organization: one<EntityRecord>('position/organization') as never,
    acting: (p) => p.acting ?? false,
    since: date('since'),
    until: date('until'),
    sources,
  },
  Suspicion: {
    person: async (s, _a, ctx) => (await ctx.loaders.one<PersonRecord>('suspicion/person', s.id))!,
    incident: async (s, _a, ctx) => (await ctx.loaders.one<IncidentRecord>('suspicion/incident', s.id))!,
    status: (s) => s.status as never,
    identifiedBy: many<EntityRecord>('suspicion/identifiedBy') as never,
    description: (s) => s.description ?? null,
    sources,
  },
  Attendance: {
    role: (a) => a.role ?? null,
  },
  PersonConnection: connectionResolvers,
  Query: {
    person: async (_p, { id }, ctx) => hasType<PersonRecord>(await nodeById(ctx, id), 'Person'),
    people: (_p, args, ctx) => connection<PersonRecord>(ctx, 'person', personList(args.filter), args),
  },
};
