import type { FineReportRecord } from './investigation.js';

/** Why a best value is the report it is (Incident.accountsAffectedBasis, Fine.amountBasis). */
export interface BestValueBasisValue {
  rule: string;
  explanation: string;
  compared: number;
  notComparedUnits: string[];
}

/** A fine's amount in another currency and where the conversion comes from (cypher/investigation/Fine.amountInUSD.cypher). */
export interface ConvertedAmountValue {
  money: { amount: string; currency: string };
  basis: string;
  report: FineReportRecord | null;
}
