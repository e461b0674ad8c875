/**
 * The shapes the Cypher in cypher/ returns: node property maps plus their labels. These are the
 * codegen mappers (codegen.ts), so every resolver is type-checked from record to response.
 * Dates are ISO strings at their precision ("2025", "2025-08", "2025-08-28"); money is a
 * decimal string with its currency.
 */
export interface EntityRecord {
  id: string;
  _labels: string[];
}

export interface CompanyRecord extends EntityRecord {
  name: string;
  aliases?: string[];
  sector?: string;
  description?: string;
}

export interface AuthorityRecord extends EntityRecord {
  name: string;
  aliases?: string[];
  kind: string;
  description?: string;
}

export interface PublisherRecord extends EntityRecord {
  name: string;
  aliases?: string[];
}

export interface CountryRecord extends EntityRecord {
  name: string;
}

export interface PersonRecord extends EntityRecord {
  name?: string;
  aliases?: string[];
  description?: string;
}

export interface PositionRecord extends EntityRecord {
  title: string;
  acting?: boolean;
  since?: string;
  until?: string;
}

export interface SuspicionRecord extends EntityRecord {
  status: string;
  description?: string;
}

export interface IncidentRecord extends EntityRecord {
  title: string;
  kind: string;
  summary?: string;
  accessStart?: string;
  accessStartAsReported?: string;
  accessEnd?: string;
  accessDurationAsReported?: string;
  origin?: string;
  attackVector?: string;
  discoveredOn?: string;
  reportedOn?: string;
  reportedOnAsReported?: string;
  disclosedOn?: string;
  extortionDemand?: string;
  ransomDemanded?: boolean;
  /** Derived by seeds/99-derived-values.cypher: the current best AFFECTED estimate. */
  accountsAffected?: number;
  accountsAffectedEstimate?: string;
}

export interface DataExposureRecord extends EntityRecord {
  exposed: boolean;
  detail?: string;
}

export interface EstimateRecord extends EntityRecord {
  metric: string;
  value: number;
  qualifier: string;
  unit: string;
  asOf?: string;
  asOfAsReported?: string;
  reportedOn?: string;
  reportedOnAsReported?: string;
  note?: string;
}

export interface InvestigationRecord extends EntityRecord {
  title: string;
  kind: string;
  openedOn?: string;
  openedOnAsReported?: string;
  question?: string;
  status?: string;
  outcome?: string;
}

export interface FineRecord extends EntityRecord {
  kind: string;
  reason?: string;
  /** Derived by seeds/99-derived-values.cypher from the reports: the best amount and date. */
  amount?: string;
  currency?: string;
  amountKey?: string;
  date?: string;
  dateAsReported?: string;
  year?: number;
}

export interface FineReportRecord extends EntityRecord {
  amount?: string;
  currency?: string;
  date?: string;
  dateAsReported?: string;
  /** Quoted conversions as parallel lists: Neo4j properties cannot hold maps. */
  conversionAmounts?: string[];
  conversionCurrencies?: string[];
}

export interface StatementRecord extends EntityRecord {
  kind: string;
  quote?: string;
  summary?: string;
  date?: string;
  dateAsReported?: string;
}

export interface EventRecord extends EntityRecord {
  kind: string;
  title: string;
  description?: string;
  date?: string;
  dateAsReported?: string;
  /** Sums the event is about as parallel lists, like FineReport conversions. */
  amounts?: string[];
  amountCurrencies?: string[];
  amountLabels?: string[];
}

export interface SourceRecord extends EntityRecord {
  title?: string;
  url?: string;
  kind: string;
  publishedOn?: string;
  dateNote?: string;
  language?: string;
}

export interface DataCategoryRecord extends EntityRecord {
  name: string;
  hibpClass?: string;
  verisVariety?: string;
}

/** A SOURCED_FROM link: the source plus what the link itself says. */
export interface SourceRefRecord {
  source: SourceRecord;
  attribution?: string | null;
  attributedTo?: string | null;
  about?: string[] | null;
}

export interface AttendanceRecord {
  person: PersonRecord;
  event: EventRecord;
  role?: string | null;
}

export interface TimelineEntryRecord {
  kind: string;
  date: string;
  dateAsReported?: string | null;
  title: string;
  node?: EntityRecord | null;
}

export interface GraphPathRecord {
  nodes: EntityRecord[];
  relationships: { type: string; from: string; to: string }[];
}

export interface RelatedIncidentRecord {
  incident: IncidentRecord;
  reasons: { reason: string; via: EntityRecord | null; path: GraphPathRecord }[];
}

export interface PartialDateValue {
  iso: string;
  asReported?: string | null;
}

export interface MoneyValue {
  amount: string;
  currency: string;
}

export interface SearchEdgeValue {
  cursor: string;
  node: EntityRecord;
  score: number;
  matchedFields: string[];
}

export interface ConnectionValue<T, E = { cursor: string; node: T }> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when asked for: a second query. */
  totalCount: () => Promise<number>;
}

export type AnyRecord = CompanyRecord | AuthorityRecord | PublisherRecord | CountryRecord | PersonRecord | PositionRecord
  | SuspicionRecord | IncidentRecord | DataExposureRecord | EstimateRecord | InvestigationRecord | FineRecord
  | FineReportRecord | StatementRecord | EventRecord | SourceRecord | DataCategoryRecord;

export interface NeighbourhoodValue {
  center: EntityRecord;
  nodes: EntityRecord[];
  relationships: GraphPathRecord['relationships'];
  truncated: boolean;
}

export interface MoneyTotalValue {
  currency: string;
  sum: MoneyValue;
  count: number;
}

export interface FinesByAuthorityYearValue {
  authority: AuthorityRecord;
  year: number | null;
  totals: MoneyTotalValue[];
}

export interface IncidentsByDataCategoryValue {
  category: DataCategoryRecord;
  incidents: number;
}

export interface IncidentsByCountryYearValue {
  country: CountryRecord;
  year: number | null;
  incidents: number;
}
