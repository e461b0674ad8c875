import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { splitCypherScript, ScriptSyntaxError, type ScriptItem } from './split.js';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const SCHEMA_FILE = fileURLToPath(new URL('../../cypher/schema/constraints.cypher', import.meta.url));

export interface FileResult {
  file: string;
  statements: number;
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
}

/** A seed file that failed: names the file and the line in it, with Neo4j's own message. */
export class SeedError extends Error {
  constructor(readonly file: string, readonly line: number, readonly reason: string) {
    super(`${file}:${line}: ${reason}`);
  }
}

/** The seed files in load order: NN-topic.cypher sorted by name. */
export function seedFiles(dir: string = SEEDS_DIR): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort().map((f) => join(dir, f));
}

export function parseFile(file: string): ScriptItem[] {
  try {
    return splitCypherScript(readFileSync(file, 'utf8'));
  } catch (e) {
    if (e instanceof ScriptSyntaxError) throw new SeedError(basename(file), e.line, e.message);
    throw e;
  }
}

/**
 * Constraints and indexes. Schema changes cannot share a transaction with data, so each runs on
 * its own; all are IF NOT EXISTS, so applying them again is a no-op.
 */
export async function applySchema(driver: Driver, database: string, file: string = SCHEMA_FILE): Promise<number> {
  const items = parseFile(file);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    for (const item of items) {
      if (item.kind !== 'cypher') continue;
      try {
        await session.run(item.text);
      } catch (e) {
        throw new SeedError(basename(file), lineOf(item, e), messageOf(e));
      }
    }
  } finally {
    await session.close();
  }
  return items.length;
}

/**
 * Loads one file in one write transaction: either every statement commits or none does.
 * With dryRun the transaction is always rolled back, so syntax, constraints and types are
 * checked by Neo4j itself without writing.
 */
export async function loadFile(driver: Driver, database: string, file: string, opts: { dryRun?: boolean } = {}): Promise<FileResult> {
  const items = parseFile(file);
  if (items.some((i) => i.kind === 'cypher' && BATCHED.test(i.text))) return loadBatchedFile(driver, database, file, items, opts);
  const result: FileResult = { file: basename(file), statements: 0, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  const tx = await session.beginTransaction({ timeout: 120_000 });
  let params: Record<string, unknown> = {};
  try {
    for (const item of items) {
      if (item.kind === 'command') {
        params = await applyCommand(tx, item, params, result.file);
        continue;
      }
      await runStatement(tx, item.text, item, params, result);
    }
    if (opts.dryRun) await tx.rollback();
    else await tx.commit();
  } catch (e) {
    if (tx.isOpen()) await tx.rollback().catch(() => {});
    throw e;
  } finally {
    await session.close();
  }
  return result;
}

const BATCHED = /\bIN\s+TRANSACTIONS\b/i;

/**
 * A file that commits in batches (CALL ... IN TRANSACTIONS) cannot run inside one transaction.
 * Only recomputable files may do this (seeds/99-derived-values.cypher): each statement runs in
 * auto-commit, exactly as cypher-shell runs it. A dry run only asks Neo4j to plan it (EXPLAIN).
 */
async function loadBatchedFile(driver: Driver, database: string, file: string, items: ScriptItem[], opts: { dryRun?: boolean }): Promise<FileResult> {
  const result: FileResult = { file: basename(file), statements: 0, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    for (const item of items) {
      if (item.kind === 'command') throw new SeedError(result.file, item.line, 'a file that batches with IN TRANSACTIONS cannot use cypher-shell commands');
      await runStatement(session, opts.dryRun ? `EXPLAIN ${item.text}` : item.text, item, {}, result);
    }
  } finally {
    await session.close();
  }
  return result;
}

/** Runs one statement, adds its counters to the file's result, and names its line on failure. */
async function runStatement(runner: { run: ManagedTransaction['run'] }, text: string, item: ScriptItem, params: Record<string, unknown>, result: FileResult) {
  let summary;
  try {
    summary = (await runner.run(text, params)).summary;
  } catch (e) {
    throw new SeedError(result.file, lineOf(item, e), messageOf(e));
  }
  const u = summary.counters.updates();
  result.statements++;
  result.nodesCreated += u.nodesCreated;
  result.relationshipsCreated += u.relationshipsCreated;
  result.propertiesSet += u.propertiesSet;
}

async function applyCommand(tx: ManagedTransaction | { run: ManagedTransaction['run'] }, item: ScriptItem, params: Record<string, unknown>, file: string) {
  const param = /^:params?\s+(.*)$/is.exec(item.text);
  if (!param) {
    if (/^:(begin|commit|rollback|use)\b/i.test(item.text)) {
      throw new SeedError(file, item.line, `"${item.text}": the loader runs each file as one transaction; remove transaction and :use commands`);
    }
    throw new SeedError(file, item.line, `unsupported cypher-shell command "${item.text}" (only :param is supported)`);
  }
  const body = param[1]!.trim();
  const arrow = /^([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+)$/s.exec(body);
  const expr = arrow ? arrow[2]! : body;
  try {
    // Neo4j evaluates the value, exactly as cypher-shell does.
    const rec = (await tx.run(`RETURN ${expr} AS v`, params)).records[0]!;
    const v = rec.get('v');
    if (arrow) return { ...params, [arrow[1]!]: v };
    if (v && typeof v === 'object' && !Array.isArray(v)) return { ...params, ...v };
    throw new Error('":param {...}" needs a map');
  } catch (e) {
    if (e instanceof SeedError) throw e;
    throw new SeedError(file, item.line, `bad :param: ${messageOf(e)}`);
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]!.trim() : String(e);
}

/** Neo4j reports "(line L, column C ...)" inside the statement; map it to the file's line. */
function lineOf(item: ScriptItem, e: unknown): number {
  const m = /\(line (\d+), column \d+/.exec(e instanceof Error ? e.message : '');
  return m ? item.line + Number(m[1]) - 1 : item.line;
}
