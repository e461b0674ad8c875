import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { openDatabase, type Database } from '../bootstrap.js';
import { runImport } from '../local-neo4j/import.js';
import { startLocalNeo4j } from '../local-neo4j/start.js';
import type { Logger } from '../logger.js';
import { createDriver } from '../graph/driver.js';
import { QueryRegistry } from '../graph/queries.js';
import { GraphWriter } from '../graph/writer.js';
import { loadFile, planFile, runPlans, SCHEMA_FILE, seedFiles, type FilePlan } from '../seed/load.js';
import type { PlannedItem } from '../seed/plan.js';
import type { SyntheticOptions } from './rows.js';
import { writeSyntheticCsv } from './writeCsv.js';

/** The bulk path cannot load this target; the message says why and what to do instead. */
export class BulkRefused extends Error {}

/**
 * Why the bulk path cannot load the database this config names, or undefined when it can. The
 * importer writes the store files of a stopped Neo4j: only the local Neo4j this project starts
 * (and stops) qualifies, not one behind NEO4J_URI (Docker, a server).
 */
export function bulkUnavailable(config: Config): string | undefined {
  if (config.neo4j.uri) {
    return `The bulk load imports offline into the local Neo4j's store files, but NEO4J_URI is set (${config.neo4j.uri}): `
      + 'the importer can neither stop that database nor reach its files.';
  }
  if (config.neo4j.database !== 'neo4j') {
    return `The local Neo4j serves only the database "neo4j"; NEO4J_DATABASE is "${config.neo4j.database}".`;
  }
  return undefined;
}

export interface BulkOptions extends SyntheticOptions {
  /** Home of the local Neo4j to load (.neo4j/data for the CLI). */
  home: string;
  /** Delete a database that holds data instead of refusing. */
  replace?: boolean;
  /** Processes writing CSV side by side (default: one per core). */
  workers?: number;
}

export type BulkPhase = 'check' | 'csv' | 'import' | 'start' | 'schema' | 'seeds' | 'derived' | 'indexes';
export interface BulkProgress { phase: BulkPhase; detail: string; done: number; total: number }

export interface BulkResult {
  incidents: number;
  /** Nodes and relationships of the synthetic graph (what the online path would create). */
  nodesCreated: number;
  relationshipsCreated: number;
  seconds: number;
  /** Seconds per phase, for the benchmark. */
  phases: Partial<Record<BulkPhase, number>>;
}

/**
 * Initial load of an empty local Neo4j: the synthetic graph written as CSV, imported offline with
 * neo4j-admin (the database must be stopped: this function starts it only afterwards), then the
 * constraints and indexes, the curated seeds (which complete the bare country and data-category
 * nodes the import made) and the derived values. Returns the running database.
 */
export async function bulkLoad(config: Config, log: Logger, o: BulkOptions,
  onProgress: (p: BulkProgress) => void = () => {}): Promise<{ db: Database; result: BulkResult }> {
  const started = performance.now();
  const phases: BulkResult['phases'] = {};
  let mark = performance.now();
  const done = (phase: BulkPhase) => { const now = performance.now(); phases[phase] = (now - mark) / 1000; mark = now; };

  const unavailable = bulkUnavailable(config);
  if (unavailable) throw new BulkRefused(`${unavailable} Load it online instead (without --bulk).`);
  onProgress({ phase: 'check', detail: 'is the local database empty?', done: 0, total: 1 });
  const existing = await storeHolds(config, o.home);
  if (existing > 0 && !o.replace) {
    throw new BulkRefused(`The local database in ${o.home} holds ${existing.toLocaleString('en-US')} nodes; --bulk loads only an empty one. `
      + 'Add --replace to delete it first (everything in it is lost), or load online (without --bulk) to add to it.');
  }
  done('check');

  const csvDir = join(o.home, 'bulk-csv');
  try {
    const csv = await writeSyntheticCsv(csvDir, o, { workers: o.workers },
      (n) => onProgress({ phase: 'csv', detail: 'incidents written as CSV', done: n, total: o.incidents }));
    done('csv');
    const imported = await runImport({
      home: o.home, database: config.neo4j.database, files: csv.files, overwrite: existing >= 0, idType: csv.idType,
      reportFile: join(csvDir, 'import.report'), logFile: join(o.home, 'logs', 'import.log'), offHeapMb: Math.max(1024, config.neo4j.localPageCacheMb),
      onProgress: (stage, pct) => onProgress({ phase: 'import', detail: `neo4j-admin import ${stage}`, done: pct, total: 100 }),
    });
    const refs = csv.references.Country.length + csv.references.DataCategory.length;
    if (imported.nodes !== csv.nodes + refs || imported.relationships !== csv.relationships) {
      throw new Error(`The importer reports ${imported.nodes} nodes and ${imported.relationships} relationships; `
        + `the CSV holds ${csv.nodes + refs} and ${csv.relationships}.`);
    }
    done('import');
    rmSync(csvDir, { recursive: true, force: true });

    onProgress({ phase: 'start', detail: 'starting Neo4j', done: 0, total: 1 });
    const db = await openDatabase(config, log, o.home);
    try {
      done('start');
      await completeGraph(db, config, csv.references, onProgress, done);
    } catch (e) {
      await db.close();
      throw e;
    }
    return {
      db,
      result: {
        incidents: o.incidents, nodesCreated: csv.nodes, relationshipsCreated: csv.relationships,
        seconds: (performance.now() - started) / 1000, phases,
      },
    };
  } catch (e) {
    rmSync(csvDir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Schema, curated seeds and derived values on the freshly imported graph; then checks the seeds
 * completed it. The uniqueness constraints come first (the seeds MERGE on ids); the other indexes
 * only after the derived values, so each is populated once from the final values instead of
 * being updated by every write of the derived-values pass.
 */
async function completeGraph(db: Database, config: Config, refs: { Country: string[]; DataCategory: string[] },
  onProgress: (p: BulkProgress) => void, done: (phase: BulkPhase) => void): Promise<void> {
  const database = config.neo4j.database;
  const schema = planFile(SCHEMA_FILE);
  // Read from the statement's tokens (classifyStatement), not matched on its text.
  const constraint = (i: PlannedItem) => i.kind === 'cypher' && i.commit.commit === 'own' && i.commit.form === 'CREATE CONSTRAINT';
  const part = (keep: (i: PlannedItem) => boolean): FilePlan => {
    const items = schema.items.filter(keep);
    return { ...schema, items, statementLines: items.filter((i) => i.kind === 'cypher').map((i) => i.line) };
  };
  onProgress({ phase: 'schema', detail: 'uniqueness constraints', done: 0, total: 1 });
  await runPlans(db.driver, database, [part(constraint)]);
  done('schema');

  const files = seedFiles();
  const derived = files.filter((f) => f.endsWith('99-derived-values.cypher'));
  const curated = files.filter((f) => !derived.includes(f));
  for (const [k, file] of curated.entries()) {
    onProgress({ phase: 'seeds', detail: 'curated seeds', done: k, total: curated.length });
    await loadFile(db.driver, database, file, { recordChanges: false });
  }
  done('seeds');
  for (const file of derived) {
    onProgress({ phase: 'derived', detail: 'derived values', done: 0, total: 1 });
    await loadFile(db.driver, database, file, { recordChanges: false });
  }
  done('derived');

  onProgress({ phase: 'indexes', detail: 'indexes populated', done: 0, total: 1 });
  await runPlans(db.driver, database, [part((i) => !constraint(i))]);
  const writer = new GraphWriter(db.driver, database);
  await writer.query(db.graph.queries.statement('synthetic/awaitIndexes'), { seconds: 3600 });
  const { records } = await writer.query(db.graph.queries.statement('synthetic/unnamedReferences'),
    { refs: Object.entries(refs).flatMap(([label, ids]) => ids.map((id) => ({ label, id }))) });
  if (records.length) {
    throw new Error(`The synthetic graph points at curated nodes the seeds do not define: ${records.map((r) => r.missing).join(', ')}.`);
  }
  done('indexes');
}

/**
 * How many nodes the local store holds: -1 when there is no store yet (nothing to start),
 * else the count, read by starting it once (which also fails clearly if another process runs it).
 */
async function storeHolds(config: Config, home: string): Promise<number> {
  if (!existsSync(join(home, 'data', 'databases', config.neo4j.database))) return -1;
  const local = await startLocalNeo4j({ home, port: 0, pageCacheMb: 64 });
  const driver = createDriver({ uri: local.uri, ...local.credentials });
  try {
    const { records } = await new GraphWriter(driver, config.neo4j.database).query(new QueryRegistry().statement('synthetic/countNodes'));
    return records[0]!.nodes as number;
  } finally {
    await driver.close();
    await local.stop();
  }
}
