/**
 * The records the compiled Cypher returns, by domain (schema/<domain>.graphql): the codegen
 * mappers (codegen.ts derives the list from these files: a type X maps to XRecord or XValue), so
 * every resolver is type-checked from record to response. A record holds the properties its
 * selection needs, and each selected relationship field under the key src/read/keys.ts gives it.
 * Dates are ISO strings at their precision ("2025", "2025-08", "2025-08-28"); money is a decimal
 * string with its currency.
 */

export interface EntityRecord {
  id: string;
  /** Present when the record was selected through an abstract type (Node, unions). */
  _labels?: string[];
}

export interface PartialDateValue {
  iso: string;
  asReported?: string | null;
}

export interface MoneyValue {
  amount: string;
  currency: string;
}

export interface PageInfoValue {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionValue<T, E = { cursor: string; node: T }> {
  edges: E[];
  pageInfo: PageInfoValue;
  /** Counted in the same query when selected; null when it was not. */
  totalCount: number | null;
}

/** Why a best value is the report it is (Incident.accountsAffectedBasis, Fine.amountBasis). */
export interface BestValueBasisValue {
  rule: string;
  explanation: string;
  compared: number;
  notComparedUnits: string[];
}
