import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import type { QueryRegistry } from '../graph/queries.js';
import { GraphWriter } from '../graph/writer.js';
import { applySchema, loadFile, seedFiles } from '../seed/load.js';
import { systemChange } from '../seed/change.js';
import { addCounts, noCounts } from '../seed/counts.js';
import type { Catalogue, DecisionRecord } from './catalogue.js';
import { recordImport, whatChanged } from './history.js';
import { planImport, type GraphState, type Plan } from './plan.js';

const IMPORT_SCHEMA = fileURLToPath(new URL('../../cypher/import/schema.cypher', import.meta.url));
const derivedValuesFile = () => seedFiles().find((f) => f.endsWith('99-derived-values.cypher'))!;

export interface ImportOptions {
  dryRun?: boolean;
  /** Rows per write statement (the progress bar moves once per batch). */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** The catalogue file, as the run's Change names it (its detail). */
  file?: string;
}

export interface ImportResult {
  plan: Plan;
  dryRun: boolean;
  /** Neo4j's own counters over the run's writes. */
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
  /** The id of the Change that records the run (src/import/history.ts); none for a dry run or a run that wrote nothing. */
  change?: string;
}

/**
 * Imports validated rows in ONE write transaction: entity resolution reads the graph inside it,
 * every write follows in batches of UNWIND rows, and the run commits whole or not at all (a dry
 * run always rolls back, after doing every write). The derived values (seeds/99-derived-values
 * .cypher) are then recomputed, as they batch on their own; rerunning that file repairs them if
 * the process dies in between. The run's Change is recorded in its transaction, after its writes
 * (src/import/history.ts); the derived values, which are not facts, record none.
 */
export async function importRecords(driver: Driver, database: string, queries: QueryRegistry, catalogue: Catalogue,
  records: DecisionRecord[], opts: ImportOptions = {}): Promise<ImportResult> {
  const started = performance.now();
  await applySchema(driver, database);
  await applySchema(driver, database, IMPORT_SCHEMA);
  const totals = { nodesCreated: 0, relationshipsCreated: 0 };
  const counts = noCounts();
  let change: string | undefined;
  const plan = await new GraphWriter(driver, database).transaction(async (tx) => {
    const run = async (name: string, params: Record<string, unknown>) => {
      const r = await tx.run(queries.get(`import/${name}`), { catalogue: catalogue.source.id, ...params });
      totals.nodesCreated += r.counts.nodesCreated;
      totals.relationshipsCreated += r.counts.relationshipsCreated;
      addCounts(counts, r.counts);
      return r.records;
    };
    const { state, stored } = await readState(run, records);
    const otherFines = new Set<string>();
    const plan = await planImport(catalogue, records, state,
      async (ids) => new Set((await run('taken', { ids })).map((r) => r.id as string)),
      async (pairs) => {
        const out = new Map<string, { fine: string; kind: string | null; dates: string[] }[]>();
        for (const r of await run('candidateFines', { pairs })) {
          const k = `${r.authority}|${r.company}`;
          out.set(k, [...(out.get(k) ?? []), { fine: r.fine as string, kind: r.kind as string | null, dates: r.dates as string[] }]);
          otherFines.add(r.fine as string);
        }
        return out;
      },
      async (pairs) => {
        const out = new Map<string, { event: string; kind: string; date: string | null }[]>();
        for (const r of await run('candidateEvents', { pairs })) {
          const k = `${r.authority}|${r.company}`;
          out.set(k, [...(out.get(k) ?? []), { event: r.event as string, kind: r.kind as string, date: r.date as string | null }]);
        }
        return out;
      });
    const { publisher, ...source } = catalogue.source;
    const existing = new Set((await run('taken', { ids: [source.id, publisher.id] })).map((r) => r.id as string));
    await run('catalogue', { publisher, source });
    await run('countries', { rows: plan.countries });
    await inBatches(plan.organizations, opts.batchSize, (rows) => run('organizations', { rows, source: source.id }));
    await inBatches(plan.aliases, opts.batchSize, (rows) => run('aliases', { rows, source: source.id, publisher: publisher.id }));
    await inBatches(plan.links, opts.batchSize, (rows) => run('links', { rows }));
    const total = plan.fines.length + plan.decisions.length + plan.attachments.length;
    let done = 0;
    opts.onProgress?.(0, total);
    const writeRows = (name: string) => async (rows: unknown[]) => {
      await run(name, { rows, source: source.id, publisher: publisher.id });
      opts.onProgress?.(done += rows.length, total);
    };
    await inBatches(plan.fines, opts.batchSize, writeRows('fines'));
    await inBatches(plan.decisions, opts.batchSize, writeRows('decisions'));
    await inBatches(plan.attachments, opts.batchSize, writeRows('attach'));
    // The run's Change, last, in its transaction (a dry run, rolled back, records none).
    if (!opts.dryRun) {
      const detail = `${opts.file ? `${opts.file}: ` : ''}${records.length} rows`;
      change = await recordImport(tx, queries, catalogue, detail, whatChanged(catalogue, plan, state, { stored, otherFines, existing, counts }));
    }
    return plan;
  }, { timeoutMs: 600_000, metadata: { import: catalogue.name }, rollback: opts.dryRun });
  if (!opts.dryRun) await loadFile(driver, database, derivedValuesFile());
  return { plan, dryRun: !!opts.dryRun, ...totals, seconds: (performance.now() - started) / 1000, ...(change ? { change } : {}) };
}

type Run = (name: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/** The graph's state the plan depends on, and the values earlier runs' rows hold (for the run's Change). */
async function readState(run: Run, records: DecisionRecord[]): Promise<{ state: GraphState; stored: Map<string, Record<string, unknown>> }> {
  const entities = (await run('entities', {})).map((r) => ({
    id: r.id as string, label: r.label as 'Authority' | 'Company', name: (r.name as string | null) ?? '', aliases: r.aliases as string[],
    country: r.country as string | null, countries: r.countries as string[],
  }));
  const rows = records.map((r) => r.row);
  const earlier = await run('imported', { rows });
  const imported: GraphState['imported'] = new Map(earlier.map((r) => [r.row as string, { id: r.id as string, kind: r.kind as 'report' | 'decision', fine: r.fine as string | null }]));
  for (const r of await run('attached', { rows })) imported.set(r.row as string, { id: r.id as string, kind: 'attached', fine: null });
  const stored = new Map(earlier.map((r) => [r.row as string, r.stored as Record<string, unknown>]));
  const urls = [...new Set(records.map((r) => r.url))];
  const sourcesByUrl = new Map((await run('sourcesByUrl', { urls })).map((r) => [r.url as string, r.id as string]));
  const codes = [...new Set(records.map((r) => r.authority.country.code))];
  const countries = new Set((await run('taken', { ids: codes })).map((r) => r.id as string).filter((id) => codes.includes(id)));
  return { state: { entities, imported, sourcesByUrl, countries }, stored };
}

async function inBatches<T>(items: T[], size = 100, write: (rows: T[]) => Promise<unknown>) {
  for (let k = 0; k < items.length; k += size) await write(items.slice(k, k + size));
}

/**
 * Removes what a catalogue imported (tests, or undoing an import), then recomputes derived values.
 * The removal is recorded, in its transaction, as a Change of the importer (operation IMPORT,
 * detail "removed ..."): the schema has no operation of its own for it.
 */
export async function removeCatalogue(driver: Driver, database: string, queries: QueryRegistry, catalogue: Catalogue): Promise<number> {
  const change = systemChange('IMPORT', `import:${catalogue.name}`, `removed everything imported from ${catalogue.name}`);
  const { records } = await new GraphWriter(driver, database).query(queries.statement('import/remove'), { catalogue: catalogue.source.id, change });
  const removed = records[0]?.removed as number | undefined ?? 0;
  await loadFile(driver, database, derivedValuesFile());
  return removed;
}
