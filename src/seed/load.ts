import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { GraphWriter, type WriteSession, type WriteTransaction } from '../graph/writer.js';
import { SeedError } from './errors.js';
import { recordSeedChange, recordsChange, unrecordedEntities } from './history.js';
import { planFile, type FilePlan } from './plan.js';
import { messageOf, newResult, runEachOnItsOwn, runInTransaction, toSeedError, type FileResult } from './run.js';

export { SeedError, MixedSeedFileError, type Written } from './errors.js';
export type { FileResult } from './run.js';
export { planFile, type FilePlan } from './plan.js';

export const SEEDS_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));
export const SCHEMA_FILE = fileURLToPath(new URL('../../cypher/schema/constraints.cypher', import.meta.url));

/** Budget of one file's transaction. */
const FILE_TIMEOUT_MS = 120_000;

export interface LoadOptions {
  /** Write nothing: run one-transaction files and roll back, only plan (EXPLAIN) the others. */
  dryRun?: boolean;
  /**
   * Record each fact file's writes as a Change of the seed loader (src/seed/history.ts), the
   * default. False for a caller that loads the seeds into a graph of millions of generated nodes
   * it records no change for (the synthetic bulk load): finding a file's entities reads every
   * entity of the graph twice per file.
   */
  recordChanges?: boolean;
}

/** The seed files in load order: NN-topic.cypher sorted by name. A folder that cannot be read is a SeedError naming it. */
export function seedFiles(dir: string = SEEDS_DIR): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new SeedError(dir, 0, `cannot read the seed folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return names.filter((f) => f.endsWith('.cypher')).sort().map((f) => join(dir, f));
}

/**
 * Constraints and indexes. Schema commands cannot share a transaction with data, so each commits
 * on its own (the file holds nothing else: a data statement in it is refused as a mix); all are
 * IF NOT EXISTS, so applying them again is a no-op. A dry run only plans them.
 */
export async function applySchema(driver: Driver, database: string, file: string = SCHEMA_FILE, opts: LoadOptions = {}): Promise<number> {
  return (await loadFile(driver, database, file, opts)).statements;
}

/**
 * Loads one file, checked first (planFile): a one-transaction file commits every statement or
 * none (a dry run rolls it back); a file whose statements must commit on their own runs them one
 * by one (a dry run only plans them). A failure is a SeedError whose `written` says what stayed.
 */
export async function loadFile(driver: Driver, database: string, file: string, opts: LoadOptions = {}): Promise<FileResult> {
  return runPlan(new GraphWriter(driver, database), planFile(file), opts);
}

/**
 * A run of several files that stopped: the failure, the files done before it, those not run, and
 * whether it stopped while checking the files (then none ran) or while running them.
 */
export class SeedRunError extends Error {
  constructor(
    readonly failure: SeedError,
    readonly stage: 'check' | 'run',
    readonly done: FileResult[],
    readonly notRun: string[],
    readonly dryRun: boolean,
  ) {
    super(failure.message);
  }
}

/** Checks every file before any runs: a file that cannot be read, split or planned stops them all. */
export function planFiles(files: string[], opts: LoadOptions = {}): FilePlan[] {
  const plans: FilePlan[] = [];
  for (const f of files) {
    try {
      plans.push(planFile(f));
    } catch (e) {
      if (e instanceof SeedError) throw new SeedRunError(e, 'check', [], files.map((x) => basename(x)), !!opts.dryRun);
      throw e;
    }
  }
  return plans;
}

/**
 * Runs checked files in order, each its own unit: a failure stops the run and says what was
 * written. A dry run writes nothing (see dryRunPlans).
 */
export async function runPlans(driver: Driver, database: string, plans: FilePlan[], opts: RunOptions = {}): Promise<FileResult[]> {
  const writer = new GraphWriter(driver, database);
  if (opts.dryRun) return dryRunPlans(writer, plans, opts);
  const done: FileResult[] = [];
  for (const [index, plan] of plans.entries()) {
    opts.onFile?.(plan.file, index);
    try {
      done.push(await runPlan(writer, plan, { recordChanges: opts.recordChanges }));
    } catch (e) {
      throw runError(e, plans, index, done, false);
    }
  }
  return done;
}

export interface RunOptions extends LoadOptions {
  onFile?: (file: string, index: number) => void;
}

/**
 * All one-transaction files run in one transaction, rolled back at the end, so a file sees what
 * the files before it would have written and the figures are those of a real load. Files whose
 * statements commit on their own are only planned (EXPLAIN) in a session of their own.
 */
async function dryRunPlans(writer: GraphWriter, plans: FilePlan[], opts: RunOptions): Promise<FileResult[]> {
  return writer.session((session) => writer.session(async (planning) => {
    const done: FileResult[] = [];
    let tx: WriteTransaction | undefined;
    try {
      for (const [index, plan] of plans.entries()) {
        opts.onFile?.(plan.file, index);
        try {
          if (plan.mode === 'autocommit') {
            done.push(await runEachOnItsOwn(planning, plan, true));
            continue;
          }
          tx ??= await session.begin({ timeoutMs: FILE_TIMEOUT_MS * plans.length, metadata: { seed: 'dry run' } });
          const result = newResult(plan, 'rolled-back');
          await runInTransaction(tx, plan, result);
          done.push(result);
        } catch (e) {
          throw runError(e, plans, index, done, true);
        }
      }
      return done;
    } finally {
      if (tx?.isOpen()) await tx.rollback().catch(() => {});
    }
  }));
}

function runError(e: unknown, plans: FilePlan[], index: number, done: FileResult[], dryRun: boolean): SeedRunError {
  const plan = plans[index]!;
  let failure = toSeedError(e, plan, plan.statementLines[0] ?? 1);
  if (dryRun) failure = new SeedError(failure.file, failure.line, failure.reason, { kind: 'nothing', because: 'this is a dry run: everything was rolled back' });
  return new SeedRunError(failure, 'run', done, plans.slice(index + 1).map((p) => p.file), dryRun);
}

/** One file on a session of its own. */
async function runPlan(writer: GraphWriter, plan: FilePlan, opts: LoadOptions): Promise<FileResult> {
  const record = !opts.dryRun && opts.recordChanges !== false && recordsChange(plan);
  return writer.session((session) => plan.mode === 'autocommit'
    ? runAutocommit(session, plan, !!opts.dryRun, record)
    : runOneTransaction(session, plan, !!opts.dryRun, record));
}

/**
 * A file whose statements each commit on their own. Most record no change (src/seed/history.ts:
 * derived values and schema commands). A file of batched facts cannot share a transaction with a
 * Change, since CALL { ... } IN TRANSACTIONS commits its own batches: its Change is recorded right
 * after its last statement, in a transaction of its own, from the entities unrecorded before its
 * first. A failure in between leaves what committed without a change (the failure report says
 * what committed); loading the file again records only what that run creates, never nodes that
 * were there unrecorded before it (src/seed/history.ts).
 */
async function runAutocommit(session: WriteSession, plan: FilePlan, dryRun: boolean, record: boolean): Promise<FileResult> {
  if (!record) return runEachOnItsOwn(session, plan, dryRun);
  const before = await unrecordedEntities(session);
  const result = await runEachOnItsOwn(session, plan, false);
  try {
    result.change = await recordSeedChange(session, plan, result, before);
  } catch (e) {
    throw new SeedError(plan.file, plan.statementLines.at(-1) ?? 1, `its statements committed, but recording their change failed: ${messageOf(e)}`,
      { kind: 'unknown', because: 'every statement committed; only the change that records them may be missing' });
  }
  return result;
}

/** All or nothing: every statement of the file in one transaction, committed (or rolled back). */
async function runOneTransaction(session: WriteSession, plan: FilePlan, dryRun: boolean, record: boolean): Promise<FileResult> {
  const first = plan.statementLines[0] ?? 1;
  const result = newResult(plan, dryRun ? 'rolled-back' : 'committed');
  let tx: WriteTransaction;
  try {
    tx = await session.begin({ timeoutMs: FILE_TIMEOUT_MS, metadata: { seed: plan.file } });
  } catch (e) {
    throw new SeedError(plan.file, first, `could not start its transaction: ${messageOf(e)}`, { kind: 'nothing', because: 'its transaction never started' });
  }
  try {
    // The file's Change, in its transaction (src/seed/history.ts); a dry run records none.
    const before = record ? await unrecordedEntities(tx) : [];
    await runInTransaction(tx, plan, result);
    if (record) result.change = await recordSeedChange(tx, plan, result, before);
  } catch (e) {
    await tx.rollback().catch(() => {});
    const err = toSeedError(e, plan, first);
    throw new SeedError(err.file, err.line, err.reason, { kind: 'nothing', because: 'its transaction was rolled back' });
  }
  if (dryRun) {
    await tx.rollback();
    return result;
  }
  try {
    await tx.commit();
  } catch (e) {
    throw new SeedError(plan.file, plan.statementLines.at(-1) ?? first, `the commit of its transaction failed: ${messageOf(e)}`,
      { kind: 'unknown', because: 'the commit failed, so Neo4j may or may not have written it' });
  }
  return result;
}
