import type { Resolvers } from '../generated/resolvers.js';
import type { AuthorityRecord, CompanyRecord, CountryRecord, EstimateRecord, EventRecord, FineRecord, IncidentRecord, InvestigationRecord, PositionRecord, SourceRecord } from '../graph/records.js';
import { connection, connectionResolvers } from './connection.js';
import { authorityList, companyList } from './filters.js';
import { list, many, nodeById, one, sources } from './fields.js';
import { hasType } from './typeOf.js';

export const organizationResolvers: Resolvers = {
  Company: {
    aliases: list('aliases'),
    sector: (c) => c.sector ?? null,
    description: (c) => c.description ?? null,
    country: one<CountryRecord>('entity/country'),
    sizeFacts: many<EstimateRecord>('company/sizeFacts'),
    incidents: many<IncidentRecord>('company/incidents'),
    finesReceived: many<FineRecord>('company/finesReceived'),
    positions: many<PositionRecord>('entity/positions'),
    sources,
  },
  Authority: {
    aliases: list('aliases'),
    description: (a) => a.description ?? null,
    kind: (a) => a.kind as never,
    country: one<CountryRecord>('entity/country'),
    parent: one<AuthorityRecord>('authority/parent'),
    investigations: many<InvestigationRecord>('authority/investigations'),
    finesImposed: many<FineRecord>('authority/finesImposed'),
    decisions: many<EventRecord>('authority/decisions'),
    positions: many<PositionRecord>('entity/positions'),
    sources,
  },
  Publisher: {
    aliases: list('aliases'),
    country: one<CountryRecord>('entity/country'),
    sources: many<SourceRecord>('publisher/sources'),
  },
  Country: {
    code: (c) => c.id,
    companies: many<CompanyRecord>('country/companies'),
    authorities: many<AuthorityRecord>('country/authorities'),
    incidents: many<IncidentRecord>('country/incidents'),
  },
  CompanyConnection: connectionResolvers,
  AuthorityConnection: connectionResolvers,
  Query: {
    company: async (_p, { id }, ctx) => hasType<CompanyRecord>(await nodeById(ctx, id), 'Company'),
    companies: (_p, args, ctx) => connection<CompanyRecord>(ctx, 'company', companyList(args.filter), args),
    authority: async (_p, { id }, ctx) => hasType<AuthorityRecord>(await nodeById(ctx, id), 'Authority'),
    authorities: (_p, args, ctx) => connection<AuthorityRecord>(ctx, 'authority', authorityList(args.filter), args),
    countries: async (_p, _a, ctx) => (await ctx.loaders.read<{ node: CountryRecord }>('country/all', {})).map((r) => r.node),
  },
};
