import neo4j from 'neo4j-driver';
import type { IncidentFilter, IncidentYearBasis, Resolvers } from '../../generated/resolvers.js';
import type {
  CompanyRecord, CountryRecord, DataCategoryRecord, DataExposureRecord, EstimateRecord, EventRecord, FigureChangeRecord, FineRecord, IncidentRecord,
  InvestigationRecord, RelatedIncidentRecord, StatementRecord, SuspicionRecord, TimelineEntryRecord,
} from '../records.js';
import { partialDate } from '../../domain/partialDate.js';
import { pageSize } from '../../pagination/pageSize.js';
import { connection } from '../../read/connection.js';
import { connectionOf, date, lookup, reads, rel, sources } from '../fields.js';
import { datedListParams } from '../datedList.js';
import { incidentList } from './list.js';
import { bestValueBasis } from '../../domain/bestValue.js';

/** Every IncidentYearBasis (the compiler holds the keys to the enum): a stored value outside it reads as null. */
const YEAR_BASES: Record<IncidentYearBasis, true> = { ACCESS_STARTED: true, DISCLOSED: true, DISCOVERED: true, REPORTED: true, SOURCE_PUBLISHED: true };

export const incidentResolvers: Resolvers = {
  Incident: {
    company: rel<CompanyRecord | null>(),
    country: rel<CountryRecord | null>(),
    accessStart: date('accessStart', 'accessStartAsReported'),
    accessEnd: date('accessEnd'),
    discoveredOn: date('discoveredOn', 'discoveredOnAsReported'),
    reportedOn: date('reportedOn', 'reportedOnAsReported'),
    disclosedOn: date('disclosedOn', 'disclosedOnAsReported'),
    year: reads<IncidentRecord, number | null>(['year'], (i) => i.year ?? null),
    accessYear: reads<IncidentRecord, number | null>(['accessYear'], (i) => i.accessYear ?? null),
    yearBasis: reads<IncidentRecord, IncidentYearBasis | null>(['yearBasis'], (i) => (i.yearBasis && i.yearBasis in YEAR_BASES ? i.yearBasis as IncidentYearBasis : null)),
    extortion: reads<IncidentRecord, { demand: string; ransomDemanded: boolean | null } | null>(['extortionDemand', 'ransomDemanded'],
      (i) => (i.extortionDemand ? { demand: i.extortionDemand, ransomDemanded: i.ransomDemanded ?? null } : null)),
    exposedData: rel<DataExposureRecord[]>(),
    exposedDataConnection: connectionOf<DataExposureRecord>('Incident.exposedData'),
    notExposedData: rel<DataExposureRecord[]>(),
    notExposedDataConnection: connectionOf<DataExposureRecord>('Incident.notExposedData'),
    estimates: rel<EstimateRecord[]>(),
    estimatesConnection: connectionOf<EstimateRecord>('Incident.estimates'),
    accountsAffected: rel<EstimateRecord | null>(),
    accountsAffectedBasis: reads<IncidentRecord, ReturnType<typeof bestValueBasis>>(['accountsAffectedRule', 'accountsAffectedCompared', 'accountsAffectedOtherUnits'],
      (i) => bestValueBasis('estimate', i.accountsAffectedRule, i.accountsAffectedCompared, i.accountsAffectedOtherUnits)),
    recordsExposed: rel<EstimateRecord | null>(),
    recordsExposedBasis: reads<IncidentRecord, ReturnType<typeof bestValueBasis>>(['recordsExposedRule', 'recordsExposedCompared', 'recordsExposedOtherUnits'],
      (i) => bestValueBasis('estimate', i.recordsExposedRule, i.recordsExposedCompared, i.recordsExposedOtherUnits)),
    peopleAffected: rel<EstimateRecord | null>(),
    peopleAffectedBasis: reads<IncidentRecord, ReturnType<typeof bestValueBasis>>(['peopleAffectedRule', 'peopleAffectedCompared', 'peopleAffectedOtherUnits'],
      (i) => bestValueBasis('estimate', i.peopleAffectedRule, i.peopleAffectedCompared, i.peopleAffectedOtherUnits)),
    investigations: rel<InvestigationRecord[]>(datedListParams),
    investigationsConnection: connectionOf<InvestigationRecord>('Incident.investigations', datedListParams),
    fines: rel<FineRecord[]>(datedListParams),
    finesConnection: connectionOf<FineRecord>('Incident.fines', datedListParams),
    suspicions: rel<SuspicionRecord[]>(),
    suspicionsConnection: connectionOf<SuspicionRecord>('Incident.suspicions'),
    statements: rel<StatementRecord[]>(datedListParams),
    statementsConnection: connectionOf<StatementRecord>('Incident.statements', datedListParams),
    events: rel<EventRecord[]>(datedListParams),
    eventsConnection: connectionOf<EventRecord>('Incident.events', datedListParams),
    timeline: rel<TimelineEntryRecord[]>(),
    figureTimeline: rel<FigureChangeRecord[]>(),
    relatedIncidents: rel<RelatedIncidentRecord[]>(({ first }) => ({ first: neo4j.int(pageSize(first)) })),
    sources,
  },
  FigureChange: {
    // Always chosen by a rule: an entry is a choice among the estimates known that day.
    basis: (c) => bestValueBasis('estimate', c.rule, c.compared, c.otherUnits)!,
    summary: (c) => `${figure(c)} (${METRIC_WORDS[c.metric]}) on ${c.day}`,
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
    incident: lookup('Incident'),
    incidents: (_p, args, ctx, info) => connection<IncidentRecord, IncidentFilter>(ctx, info, incidentList, args),
  },
};

const QUALIFIER_WORD: Record<string, string> = { EXACT: '', ABOUT: 'about ', ALMOST: 'almost ', AT_LEAST: 'at least ', MORE_THAN: 'more than ' };

const figure = (e: Pick<EstimateRecord, 'value' | 'qualifier' | 'unit'>) => `${QUALIFIER_WORD[e.qualifier] ?? ''}${e.value.toLocaleString('en-US')} ${e.unit}`;

const METRIC_WORDS: Record<FigureChangeRecord['metric'], string> = {
  ACCOUNTS_AFFECTED: 'accounts affected', RECORDS_EXPOSED: 'records exposed', PEOPLE_AFFECTED: 'people affected',
};

function estimateTitle(e: TimelineEntryRecord['estimate']): string {
  if (!e) return 'Estimate';
  return `Estimate: ${figure(e)}`;
}
