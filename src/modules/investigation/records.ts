import type { EntityRecord } from '../common/records.js';
import type { SourceRecord } from '../source/records.js';

export interface InvestigationRecord extends EntityRecord {
  title: string;
  kind: string;
  openedOn?: string;
  openedOnAsReported?: string;
  question?: string;
  status?: string;
  outcome?: string;
  /** Set by closeInvestigation. */
  closedOn?: string;
  closedOnAsReported?: string;
  /** Curators' updates so far (src/write/): what expectedVersion names. */
  version?: number;
}

export interface FineRecord extends EntityRecord {
  kind: string;
  reason?: string;
  /** Derived by seeds/99-derived-values.cypher from the reports: the best amount and date. */
  amount?: string;
  currency?: string;
  date?: string;
  dateAsReported?: string;
  /** Derived: why amount is the report it is, and the amount in USD where a source gives one. */
  amountRule?: string;
  amountCompared?: number;
  amountOtherCurrencies?: string[];
  usdAmount?: string;
  usdBasis?: string;
  usdReport?: string;
  /** Derived: the amount in euros at the ECB reference rates of rateDate, chosen by rateRule (Fine.amountIn). */
  eurAmount?: number;
  rateDate?: string;
  rateRule?: string;
}

export interface FineReportRecord extends EntityRecord {
  amount?: string;
  currency?: string;
  date?: string;
  dateAsReported?: string;
  /** Quoted conversions as parallel lists: Neo4j properties cannot hold maps. */
  conversionAmounts?: string[];
  conversionCurrencies?: string[];
  /** Derived: the report the fine's amount comes from. */
  isBest?: boolean;
}

/** A fine's amount in another currency and where the conversion comes from (cypher/investigation/Fine.amountInUSD.cypher, Fine.amountIn.cypher). */
export interface ConvertedAmountValue {
  money: { amount: string; currency: string };
  basis: string;
  report: FineReportRecord | null;
  /** REFERENCE_RATE only (Fine.amountIn). */
  rate?: number | null;
  rateDate?: string | null;
  rateRule?: string | null;
  rateSource?: string | null;
}

/** A date something is known to have happened by (cypher/investigation/{Fine,Investigation}.knownBy.cypher). */
export interface KnownByDateValue {
  date: string;
  dateAsReported: string | null;
  basis: string;
  source: SourceRecord | null;
}
