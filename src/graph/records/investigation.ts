import type { EntityRecord } from './common.js';

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
  date?: string;
  dateAsReported?: string;
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
