import type { MoneyValue } from './common.js';
import type { CountryRecord, AuthorityRecord } from './organization.js';
import type { DataCategoryRecord } from './source.js';

export interface MoneyTotalValue {
  currency: string;
  sum: MoneyValue;
  count: number;
}

export interface FinesByAuthorityYearValue {
  authority: AuthorityRecord;
  year: number | null;
  /** Amounts per currency as stored decimal strings; summed exactly by the resolver. */
  totals: { currency: string; amounts: string[] }[];
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
