import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Catalogue, DecisionRecord, Problem, RowInput } from './catalogue.js';

export interface ReadResult {
  /** Problems with the file as a whole (unreadable, wrong header): nothing can be imported. */
  fileProblems: Problem[];
  rows: number;
  records: DecisionRecord[];
  /** Problems of single rows; a row with an error is not among the records. */
  rowProblems: Problem[];
  invalidRows: number;
}

/**
 * The input file cannot be read at all (missing, a folder, not permitted): there is nothing to
 * validate, so this is an error naming the file (with its absolute path), never a file of 0 rows.
 */
export class UnreadableFile extends Error {
  constructor(readonly file: string, readonly code: string | undefined, options?: { cause?: unknown }) {
    const absolute = resolve(file);
    super(`cannot read ${file}${absolute === file ? '' : ` (${absolute})`}: ${REASONS[code ?? ''] ?? 'unreadable'}${code ? ` (${code})` : ''}`, options);
    this.name = 'UnreadableFile';
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

/**
 * Reads and validates a whole catalogue file before anything is written: the header, every
 * row's field count, the catalogue's own checks per row and across rows, and unique row ids.
 * A file that cannot be read throws UnreadableFile; one that reads but is not a usable catalogue
 * (not UTF-8, no header, wrong columns, no rows) comes back with fileProblems.
 */
export function readCatalogue(file: string, catalogue: Catalogue): ReadResult {
  const out: ReadResult = { fileProblems: [], rows: 0, records: [], rowProblems: [], invalidRows: 0 };
  const fileProblem = (message: string, line = 1, column = '-') => out.fileProblems.push({ line, column, message, severity: 'error' });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new UnreadableFile(file, (e as NodeJS.ErrnoException).code, { cause: e });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fileProblem('not UTF-8 text', 0);
    return out;
  }
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    // No quoting: the catalogues are tab-separated with literal quotes in their text.
    parsed = (parse as (input: string, options: object) => typeof parsed)(text, { delimiter: catalogue.delimiter, quote: false, bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  } catch (e) {
    fileProblem(`cannot be parsed: ${(e as Error).message}`);
    return out;
  }
  const [header, ...body] = parsed;
  if (!header) {
    fileProblem('empty: no header line');
    return out;
  }
  const columns = header.record.map((c) => c.trim());
  if (columns.join('\u0000') !== catalogue.columns.join('\u0000')) {
    const missing = catalogue.columns.filter((c) => !columns.includes(c));
    fileProblem(`header must be ${catalogue.columns.join(', ')}`
      + (missing.length ? `; missing ${missing.join(', ')}` : `; found ${columns.join(', ')}`), header.info.lines, 'header');
    return out;
  }
  if (body.length === 0) {
    fileProblem('no rows after the header', header.info.lines + 1);
    return out;
  }

  const rowIds = new Map<string, number>();
  const bad = new Set<number>();
  for (const { record, info } of body) {
    out.rows++;
    const line = info.lines;
    if (record.length !== columns.length) {
      out.rowProblems.push({ line, column: '-', severity: 'error', message: `${record.length} fields, expected ${columns.length}` });
      bad.add(line);
      continue;
    }
    const input: RowInput = { line, fields: Object.fromEntries(columns.map((c, k) => [c, record[k]!.trim()])) };
    const { record: r, problems } = catalogue.map(input);
    out.rowProblems.push(...problems);
    // The first column is the row's id in the catalogue: it keys what the row is imported as.
    const id = input.fields[columns[0]!]!;
    const first = rowIds.get(id);
    if (first !== undefined) {
      out.rowProblems.push({ line, column: columns[0]!, severity: 'error', message: `"${id}" is already the id of line ${first}` });
      bad.add(line);
      continue;
    }
    if (id) rowIds.set(id, line);
    if (!r) { bad.add(line); continue; }
    out.records.push(r);
  }
  for (const p of catalogue.checkAcross?.(out.records) ?? []) {
    out.rowProblems.push(p);
    if (p.severity === 'error') bad.add(p.line);
  }
  out.records = out.records.filter((r) => !bad.has(r.line));
  out.invalidRows = bad.size;
  out.rowProblems.sort((a, b) => a.line - b.line);
  return out;
}

export const formatProblem = (file: string, p: Problem): string =>
  `${file}:${p.line}: ${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
