import type { MoneyValue } from '../common/records.js';
import type { FineRecord } from '../investigation/records.js';
import type { CountryRecord, AuthorityRecord } from '../organization/records.js';
import type { DataCategoryRecord } from '../source/records.js';

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

export interface FinesByYearValue {
  year: number | null;
  /** As FinesByAuthorityYearValue's: summed exactly by the resolver. */
  totals: { currency: string; amounts: string[] }[];
}

export interface LargestFineInCountryValue {
  country: CountryRecord;
  currency: string;
  fine: FineRecord;
  fines: number;
}
