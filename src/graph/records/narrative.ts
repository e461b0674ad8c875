import type { EntityRecord } from './common.js';

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
}
