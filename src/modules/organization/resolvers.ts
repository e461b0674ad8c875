import type { AuthorityFilter, CompanyFilter, Resolvers } from '../../generated/resolvers.js';
import type { AuthorityRecord, CompanyRecord, CountryRecord, EstimateRecord, EventRecord, FineRecord, IncidentRecord, InvestigationRecord, PositionRecord, SectorValue, SourceRecord } from '../records.js';
import { connection } from '../../read/connection.js';
import { list, reads, rel, root, sources, lookup } from '../fields.js';
import { datedListParams } from '../datedList.js';
import { authorityList, companyList } from './list.js';

export const organizationResolvers: Resolvers = {
  Company: {
    aliases: list('aliases'),
    country: rel<CountryRecord | null>(),
    sizeFacts: rel<EstimateRecord[]>(),
    incidents: rel<IncidentRecord[]>(datedListParams),
    finesReceived: rel<FineRecord[]>(datedListParams),
    positions: rel<PositionRecord[]>(),
    sources,
  },
  Authority: {
    aliases: list('aliases'),
    country: rel<CountryRecord | null>(),
    parent: rel<AuthorityRecord | null>(),
    investigations: rel<InvestigationRecord[]>(datedListParams),
    finesImposed: rel<FineRecord[]>(datedListParams),
    decisions: rel<EventRecord[]>(),
    positions: rel<PositionRecord[]>(),
    sources,
  },
  Publisher: {
    aliases: list('aliases'),
    country: rel<CountryRecord | null>(),
    sources: rel<SourceRecord[]>(),
  },
  Country: {
    code: reads<CountryRecord, string>(['id'], (c) => c.id),
    companies: rel<CompanyRecord[]>(),
    authorities: rel<AuthorityRecord[]>(),
    incidents: rel<IncidentRecord[]>(datedListParams),
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
