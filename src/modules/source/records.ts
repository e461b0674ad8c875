import type { EntityRecord } from '../common/records.js';

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
  attributedTo?: EntityRecord | null;
  about?: string[] | null;
}
