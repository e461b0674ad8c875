import type { EntityRecord } from '../common/records.js';

export interface StatementRecord extends EntityRecord {
  kind: string;
  quote?: string;
  summary?: string;
  date?: string;
  dateAsReported?: string;
  reportedOn?: string;
}

export interface EventRecord extends EntityRecord {
  kind: string;
  title: string;
  description?: string;
  date?: string;
  dateAsReported?: string;
  reportedOn?: string;
  /** Sums the event is about as parallel lists, like FineReport conversions. */
  amounts?: string[];
  amountCurrencies?: string[];
  amountLabels?: string[];
}
