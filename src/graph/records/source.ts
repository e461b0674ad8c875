import type { EntityRecord } from './common.js';

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
