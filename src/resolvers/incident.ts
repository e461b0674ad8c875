import neo4j from 'neo4j-driver';
import type { IncidentFilter, Resolvers } from '../generated/resolvers.js';
import type {
  CompanyRecord, CountryRecord, DataCategoryRecord, DataExposureRecord, EstimateRecord, EventRecord, FineRecord, IncidentRecord,
  InvestigationRecord, RelatedIncidentRecord, StatementRecord, SuspicionRecord, TimelineEntryRecord,
} from '../graph/records/index.js';
import { badInput } from '../errors.js';
import { partialDate } from '../domain/partialDate.js';
import { pageSize } from '../pagination/pageSize.js';
import { connection } from '../read/connection.js';
import type { ListSpec } from '../read/lists.js';
import { firstDay, lastDay } from '../domain/partialDate.js';
import { byId, date, reads, rel, root, sources } from './fields.js';
import { datedListParams } from './datedList.js';
import { bestValueBasis } from '../domain/bestValue.js';

/** Incident filters, most selective first (see ListSpec). */
export const incidentList: ListSpec<IncidentFilter> = {
  type: 'Incident',
  domain: 'incident',
  sort: { DISCLOSED_ON: 'sortDisclosedOn', ACCESS_START: 'sortAccessStart', ACCOUNTS_AFFECTED: 'sortAccounts', RECORDS_EXPOSED: 'sortRecords', TITLE: 'sortTitle' },
  filters: {
    company: { anchor: 'node', exact: true },
    authority: { anchor: 'node', exact: true },
    categoriesAny: { anchor: 'node', exact: true },
    categoriesAll: {},
    country: { anchor: 'count', exact: true },
    minAccounts: { anchor: 'range', exact: true },
    disclosed: { anchor: 'range' },
    accessed: { anchor: 'range' },
    kind: { anchor: 'range', exact: true },
    hasFine: {},
    hasSuspect: {},
  },
  parse: (filter) => {
    const x = filter ?? {};
    if (x.minAccountsAffected != null && !(x.minAccountsAffected >= 0)) {
      throw badInput('filter.minAccountsAffected is a count: 0 or more.', 'filter', { min: 0 });
    }
    const categories = x.dataCategories?.length ? x.dataCategories : null;
    const disclosed = x.disclosedBetween?.from || x.disclosedBetween?.to;
    const accessed = x.accessedBetween?.from || x.accessedBetween?.to;
    const f = {
      company: x.company ?? null,
      authority: x.authority ?? null,
      categories,
      country: x.country ?? null,
      kind: x.kind ?? null,
      minAccounts: x.minAccountsAffected ?? null,
      hasFine: x.hasFine ?? null,
      hasSuspect: x.hasSuspect ?? null,
      // A range is closed at both ends; the anchors seek on the stored values from the lower bound's year.
      disclosedFrom: firstDay(x.disclosedBetween?.from) ?? '0000-01-01',
      disclosedTo: lastDay(x.disclosedBetween?.to) ?? '9999-12-31',
      disclosedFromYear: x.disclosedBetween?.from?.slice(0, 4) ?? '0000',
      accessedFrom: firstDay(x.accessedBetween?.from) ?? '0000-01-01',
      accessedTo: lastDay(x.accessedBetween?.to) ?? '9999-12-31',
      accessedFromYear: x.accessedBetween?.from?.slice(0, 4) ?? '0000',
    };
    const present = [
      f.company && 'company', f.authority && 'authority', categories && 'categoriesAny',
      categories && x.dataCategoriesMatch === 'ALL' && 'categoriesAll', f.country && 'country',
      f.minAccounts != null && 'minAccounts', disclosed && 'disclosed', accessed && 'accessed', f.kind && 'kind',
      f.hasFine != null && 'hasFine', f.hasSuspect != null && 'hasSuspect',
    ].filter((p): p is string => typeof p === 'string');
    return { f, present };
  },
};

export const incidentResolvers: Resolvers = {
  Incident: {
    company: rel<CompanyRecord | null>(),
    country: rel<CountryRecord | null>(),
    accessStart: date('accessStart', 'accessStartAsReported'),
    accessEnd: date('accessEnd'),
    discoveredOn: date('discoveredOn'),
    reportedOn: date('reportedOn', 'reportedOnAsReported'),
    disclosedOn: date('disclosedOn', 'disclosedOnAsReported'),
    year: reads<IncidentRecord, number | null>(['year'], (i) => i.year ?? null),
    yearBasis: reads<IncidentRecord, string | null>(['yearBasis'], (i) => i.yearBasis ?? null) as never,
    extortion: reads<IncidentRecord, { demand: string; ransomDemanded: boolean | null } | null>(['extortionDemand', 'ransomDemanded'],
      (i) => (i.extortionDemand ? { demand: i.extortionDemand, ransomDemanded: i.ransomDemanded ?? null } : null)),
    exposedData: rel<DataExposureRecord[]>(),
    notExposedData: rel<DataExposureRecord[]>(),
    estimates: rel<EstimateRecord[]>(),
    accountsAffected: rel<EstimateRecord | null>(),
    accountsAffectedBasis: reads<IncidentRecord, ReturnType<typeof bestValueBasis>>(['accountsAffectedRule', 'accountsAffectedCompared', 'accountsAffectedOtherUnits'],
      (i) => bestValueBasis('estimate', i.accountsAffectedRule, i.accountsAffectedCompared, i.accountsAffectedOtherUnits)) as never,
    recordsExposed: rel<EstimateRecord | null>(),
    recordsExposedBasis: reads<IncidentRecord, ReturnType<typeof bestValueBasis>>(['recordsExposedRule', 'recordsExposedCompared', 'recordsExposedOtherUnits'],
      (i) => bestValueBasis('estimate', i.recordsExposedRule, i.recordsExposedCompared, i.recordsExposedOtherUnits)) as never,
    peopleAffected: rel<EstimateRecord | null>(),
    peopleAffectedBasis: reads<IncidentRecord, ReturnType<typeof bestValueBasis>>(['peopleAffectedRule', 'peopleAffectedCompared', 'peopleAffectedOtherUnits'],
      (i) => bestValueBasis('estimate', i.peopleAffectedRule, i.peopleAffectedCompared, i.peopleAffectedOtherUnits)) as never,
    investigations: rel<InvestigationRecord[]>(datedListParams),
    fines: rel<FineRecord[]>(datedListParams),
    suspicions: rel<SuspicionRecord[]>(),
    statements: rel<StatementRecord[]>(datedListParams),
    events: rel<EventRecord[]>(datedListParams),
    timeline: rel<TimelineEntryRecord[]>(),
    relatedIncidents: rel<RelatedIncidentRecord[]>(({ first }) => ({ first: neo4j.int(pageSize(first)) })),
    sources,
  },
  TimelineEntry: {
    date: (e) => partialDate(e.date, e.dateAsReported)!,
    title: (e) => e.title ?? estimateTitle(e.estimate),
  },
  DataExposure: {
    incident: rel<IncidentRecord>(),
    category: rel<DataCategoryRecord>(),
    sources,
  },
  Estimate: {
    asOf: date('asOf', 'asOfAsReported'),
    reportedOn: date('reportedOn', 'reportedOnAsReported'),
    isBest: reads<EstimateRecord, boolean>(['isBest'], (e) => e.isBest ?? false),
    sources,
  },
  Query: {
    incident: root(byId),
    incidents: (_p, args, ctx, info) => connection<IncidentRecord, IncidentFilter>(ctx, info, incidentList, args),
  },
};

const QUALIFIER_WORD: Record<string, string> = { EXACT: '', ABOUT: 'about ', ALMOST: 'almost ', AT_LEAST: 'at least ', MORE_THAN: 'more than ' };

function estimateTitle(e: TimelineEntryRecord['estimate']): string {
  if (!e) return 'Estimate';
  return `Estimate: ${QUALIFIER_WORD[e.qualifier] ?? ''}${e.value.toLocaleString('en-US')} ${e.unit}`;
}
