/**
 * A catalogue is a mapping from the rows of one public table to the ontology: which columns it
 * has, how a row becomes a decision (authority, company, amount, date, legal basis, source link),
 * and what in a row is a problem. Everything else (reading, validation output, entity resolution,
 * writing, provenance, the summary) is shared, so a second catalogue is one more mapping file in
 * src/import/catalogues/.
 */

/** A problem in the input, reported as `file:line: column: message`. */
export interface Problem {
  line: number;
  column: string;
  message: string;
  /** Errors keep a row out (or the whole file, without --skip-invalid); warnings only inform. */
  severity: 'error' | 'warning';
}

/** A decision by an authority against a party, as one row of a catalogue gives it. */
export interface DecisionRecord {
  /** The line of the file the row is on (the header is line 1). */
  line: number;
  /** The row's own id in the catalogue: stable across runs, it keys the imported report. */
  row: string;
  authority: { name: string; country: { code: string; name: string } };
  /** The fined party as the catalogue names it ("Private individual" included). */
  company: { name: string };
  /** null: the catalogue reports the decision without an amount (never a fine of 0). */
  amount: { amount: string; currency: string } | null;
  /**
   * The stage of a decision without an amount, as an Event kind: NOTICE_OF_INTENT when the row
   * says it is an announced intention to fine, else DECISION. It decides which event of the graph
   * the row can be another source of (the same kind only).
   */
  stage: 'DECISION' | 'NOTICE_OF_INTENT';
  /** At the precision the catalogue supports, with its own wording when that says more. */
  date: { iso: string; asReported: string | null } | null;
  /** Provisions cited, as listed ("Art. 32 GDPR"). */
  articles: string[];
  violationType: string | null;
  /** The catalogue's link for the row: a decision, a release or an article. */
  url: string;
  /** FineKind of the Fine a row with an amount becomes. */
  fineKind: 'ADMINISTRATIVE_PENALTY' | 'ADMINISTRATIVE_FINE' | 'CIVIL_PENALTY' | 'SETTLEMENT';
}

/** The catalogue itself, cited as the source of every row ("per the catalogue"). */
export interface CatalogueSource {
  id: string;
  title: string;
  url: string;
  publishedOn: string | null;
  dateNote: string | null;
  publisher: { id: string; name: string };
}

export interface RowInput {
  line: number;
  /** The row's fields by column name, trimmed of surrounding whitespace. */
  fields: Record<string, string>;
}

export interface Catalogue {
  /** The name on the command line: `npm run import -- <name> <file>`. */
  name: string;
  description: string;
  source: CatalogueSource;
  /** Field separator of the file. */
  delimiter: string;
  /** Columns the header must have, in this order; the first holds the row's id. */
  columns: readonly string[];
  /** The row, its problems, or both (a row with only warnings is imported). */
  map(input: RowInput): { record: DecisionRecord | null; problems: Problem[] };
  /** Problems only visible across rows (a column's value that is another row's authority). */
  checkAcross?(records: DecisionRecord[]): Problem[];
}
