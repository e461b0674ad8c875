import type { AuthorityFilter, CompanyFilter, Resolvers } from '../../generated/resolvers.js';
import type { AuthorityRecord, CompanyRecord, CountryRecord, EstimateRecord, EventRecord, FineRecord, IncidentRecord, InvestigationRecord, PositionRecord, SectorValue, SourceRecord } from '../records.js';
import { connection } from '../../read/connection.js';
import { connectionOf, list, lookup, reads, rel, root, sources } from '../fields.js';
import { datedListParams } from '../datedList.js';
import { authorityList, companyList } from './list.js';

export const organizationResolvers: Resolvers = {
  Company: {
    aliases: list('aliases'),
    country: rel<CountryRecord | null>(),
    sizeFacts: rel<EstimateRecord[]>(),
    sizeFactsConnection: connectionOf<EstimateRecord>('Company.sizeFacts'),
    incidents: rel<IncidentRecord[]>(datedListParams),
    incidentsConnection: connectionOf<IncidentRecord>('Company.incidents', datedListParams),
    finesReceived: rel<FineRecord[]>(datedListParams),
    finesReceivedConnection: connectionOf<FineRecord>('Company.finesReceived', datedListParams),
    positions: rel<PositionRecord[]>(),
    positionsConnection: connectionOf<PositionRecord>('Company.positions'),
    sources,
  },
  Authority: {
    aliases: list('aliases'),
    country: rel<CountryRecord | null>(),
    parent: rel<AuthorityRecord | null>(),
    investigations: rel<InvestigationRecord[]>(datedListParams),
    investigationsConnection: connectionOf<InvestigationRecord>('Authority.investigations', datedListParams),
    finesImposed: rel<FineRecord[]>(datedListParams),
    finesImposedConnection: connectionOf<FineRecord>('Authority.finesImposed', datedListParams),
    decisions: rel<EventRecord[]>(),
    decisionsConnection: connectionOf<EventRecord>('Authority.decisions'),
    positions: rel<PositionRecord[]>(),
    positionsConnection: connectionOf<PositionRecord>('Authority.positions'),
    sources,
  },
  Publisher: {
    aliases: list('aliases'),
    country: rel<CountryRecord | null>(),
    sources: rel<SourceRecord[]>(),
    sourcesConnection: connectionOf<SourceRecord>('Publisher.sources'),
  },
  Country: {
    code: reads<CountryRecord, string>(['id'], (c) => c.id),
    companies: rel<CompanyRecord[]>(),
    companiesConnection: connectionOf<CompanyRecord>('Country.companies'),
    authorities: rel<AuthorityRecord[]>(),
    authoritiesConnection: connectionOf<AuthorityRecord>('Country.authorities'),
    incidents: rel<IncidentRecord[]>(datedListParams),
    incidentsConnection: connectionOf<IncidentRecord>('Country.incidents', datedListParams),
  },
  Query: {
    company: lookup('Company'),
    companies: (_p, args, ctx, info) => connection<CompanyRecord, CompanyFilter>(ctx, info, companyList, args),
    authority: lookup('Authority'),
    authorities: (_p, args, ctx, info) => connection<AuthorityRecord, AuthorityFilter>(ctx, info, authorityList, args),
    countries: root<CountryRecord[]>(),
    sectors: root<SectorValue[]>(),
  },
};
