import type { StatementResult as Ran, WriteOptions, WriteSession } from '../graph/writer.js';
import { addCounts, noCounts, type Counts, type StatementResult } from './counts.js';
import { SeedError, type Written } from './errors.js';
import type { RecordedChange } from './history.js';
import type { FilePlan, PlannedItem } from './plan.js';

export interface FileResult extends Counts {
  file: string;
  mode: FilePlan['mode'];
  /**
   * committed: written. rolled-back: run in a transaction that a dry run rolled back (the counts
   * are what it would write). planned: a dry run of a file whose statements commit on their own,
   * which can only ask Neo4j to plan them (EXPLAIN): nothing ran, its counts are zero.
   */
  outcome: 'committed' | 'rolled-back' | 'planned';
  statements: number;
  ran: StatementResult[];
  /** The Change that records what the file wrote (src/seed/history.ts); none when it wrote nothing or records none. */
  change?: RecordedChange;
}

type Params = Record<string, unknown>;
/** A transaction of the file (WriteTransaction), or a session whose statements each commit on their own (WriteSession). */
interface Runner {
  run(text: string, params: Params, options?: WriteOptions): Promise<Ran>;
}

export function newResult(plan: FilePlan, outcome: FileResult['outcome']): FileResult {
  return { file: plan.file, mode: plan.mode, outcome, statements: 0, ran: [], ...noCounts() };
}

/**
 * Runs every item of a one-transaction file in `tx`, adding counts to `result`; commit and
 * rollback are the caller's. A failure is a SeedError naming the line (what was written is
 * decided by the caller, which knows whether the transaction commits).
 */
export async function runInTransaction(tx: Runner, plan: FilePlan, result: FileResult): Promise<void> {
  let params: Params = {};
  for (const item of plan.items) {
    if (item.kind === 'command') params = await evalParam(tx, item, params, plan.file);
    else record(result, item.line, await runStatement(tx, item.text, item, params, plan.file));
  }
}

/**
 * Runs each statement of a file on its own (auto-commit), as cypher-shell does; a dry run only
 * has Neo4j plan each one (EXPLAIN). On a failure the error says which statements committed.
 */
export async function runEachOnItsOwn(session: WriteSession, plan: FilePlan, dryRun: boolean): Promise<FileResult> {
  const result = newResult(plan, dryRun ? 'planned' : 'committed');
  let params: Params = {};
  for (const item of plan.items) {
    try {
      if (item.kind === 'command') params = await evalParam(session, item, params, plan.file);
      else record(result, item.line, await runStatement(session, dryRun ? `EXPLAIN ${item.text}` : item.text, item, params, plan.file,
        isBatched(item) ? { timeoutMs: BATCHED_TIMEOUT_MS } : undefined));
    } catch (e) {
      const err = toSeedError(e, plan, item.line);
      const batched = isBatched(item);
      const written: Written = dryRun
        ? { kind: 'nothing', because: 'a dry run only plans the statements of this file' }
        : {
            kind: 'partial',
            committed: result.ran,
            failed: { line: item.line, batched, batchesCommitted: batched ? batchesCommitted(err.cause ?? e) : 0 },
            notRun: plan.statementLines.filter((l) => l > item.line),
          };
      throw new SeedError(err.file, err.line, err.reason, written, { cause: err.cause });
    }
  }
  return result;
}

function record(result: FileResult, line: number, counts: Counts): void {
  result.statements++;
  result.ran.push({ line, ...counts });
  addCounts(result, counts);
}

/**
 * Budget of a batched statement (CALL { ... } IN TRANSACTIONS). Its batches commit on their own,
 * but the statement's outer transaction lasts until the last one: at a million incidents the
 * derived values outlast the server's default ceiling (10 minutes for the local Neo4j), which
 * would stop them half way. Bounded all the same, so a statement that never ends is stopped.
 */
const BATCHED_TIMEOUT_MS = 4 * 60 * 60_000;

/** Runs one statement and names its line on failure. */
async function runStatement(runner: Runner, text: string, item: PlannedItem, params: Params, file: string,
  options?: WriteOptions): Promise<Counts> {
  try {
    return (await runner.run(text, params, options)).counts;
  } catch (e) {
    throw new SeedError(file, lineOf(item, e), messageOf(e), undefined, { cause: e });
  }
}

/** `:param name => expr` or `:param {map}`: Neo4j evaluates the value, exactly as cypher-shell does. */
async function evalParam(runner: Runner, item: PlannedItem, params: Params, file: string): Promise<Params> {
  const body = item.text.replace(/^:params?/i, '').trim();
  const arrow = /^([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+)$/s.exec(body);
  const expr = arrow ? arrow[2]! : body;
  try {
    const v = (await runner.run(`RETURN ${expr} AS v`, params)).records[0]!.v;
    if (arrow) return { ...params, [arrow[1]!]: v };
    if (v && typeof v === 'object' && !Array.isArray(v)) return { ...params, ...v };
    throw new Error('":param {...}" needs a map');
  } catch (e) {
    throw new SeedError(file, item.line, `bad :param: ${messageOf(e)}`);
  }
}

function isBatched(item: PlannedItem): boolean {
  return item.kind === 'cypher' && item.commit.commit === 'own' && item.commit.reason === 'batched';
}

/**
 * How many batches of a failed batched statement committed: Neo4j appends "(Transactions committed: N)" once batches ran; a
 * statement it rejected before running (syntax, semantics, parameters) committed none; any other
 * failure (a lost connection) leaves it unknown.
 */
function batchesCommitted(e: unknown): number | undefined {
  const m = /\(Transactions committed: (\d+)\)/.exec(e instanceof Error ? e.message : '');
  if (m) return Number(m[1]);
  const code = (e as { code?: string }).code ?? '';
  return /^Neo\.ClientError\.Statement\.(SyntaxError|SemanticError|ParameterMissing|ArgumentError)$/.test(code) ? 0 : undefined;
}

/** Any failure as a SeedError naming the file and a line (the statement's, or `line`). */
export function toSeedError(e: unknown, plan: FilePlan, line: number): SeedError {
  return e instanceof SeedError ? e : new SeedError(plan.file, line, messageOf(e));
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0]!.trim() : String(e);
}

/** Neo4j reports "(line L, column C ...)" inside the statement; map it to the file's line. */
function lineOf(item: PlannedItem, e: unknown): number {
  const m = /\(line (\d+), column \d+/.exec(e instanceof Error ? e.message : '');
  return m ? item.line + Number(m[1]) - 1 : item.line;
}
