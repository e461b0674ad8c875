import type { EntityRecord } from '../common/records.js';

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

/** A row of Query.sectors (cypher/organization/Query.sectors.cypher). */
export interface SectorValue {
  name: string;
  companyCount: number;
  incidentCount: number;
}
