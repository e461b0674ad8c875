import type { StatementResult } from './counts.js';

/**
 * What a failed file left in the database, so the message can say exactly that:
 * - nothing: its transaction was rolled back, it was refused before running, or it was a dry run;
 * - partial: a file whose statements each commit on their own stopped half-way;
 * - unknown: the commit itself failed, so Neo4j may or may not have applied it.
 */
export type Written =
  | { kind: 'nothing'; because: string }
  | { kind: 'unknown'; because: string }
  | {
      kind: 'partial';
      committed: StatementResult[];
      /**
       * The failing statement; for a batched one (CALL { ... } IN TRANSACTIONS) how many of its
       * batches Neo4j reports committed (undefined: not known). Any other statement is atomic.
       */
      failed: { line: number; batched: boolean; batchesCommitted: number | undefined };
      /** Lines of the statements after it, which did not run. */
      notRun: number[];
    };

/** A seed file that failed: names the file and the line in it, with Neo4j's own message. */
export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    readonly written: Written = { kind: 'nothing', because: 'it was refused before anything of it ran' },
    options?: { cause?: unknown },
  ) {
    super(line > 0 ? `${file}:${line}: ${reason}` : `${file}: ${reason}`, options);
  }
}

/** A file with statements of both kinds: refused before anything runs. */
export class MixedSeedFileError extends SeedError {
  constructor(file: string, readonly transactionLine: number, readonly ownLine: number, form: string) {
    super(file, Math.max(transactionLine, ownLine),
      `mixes statements that run together in one transaction (first at line ${transactionLine}) with statements ` +
      `that each commit on their own (first at line ${ownLine}: ${form}). Neo4j cannot run both kinds in one ` +
      'transaction, and running the file statement by statement would lose its all-or-nothing promise, so none of it ran. ' +
      'Move the statements that commit on their own to a file of their own (recomputable work only, like 99-derived-values.cypher).');
  }
}
