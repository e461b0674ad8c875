import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { classifyStatement, type StatementKind } from './classify.js';
import { MixedSeedFileError, SeedError } from './errors.js';
import { splitCypherScript, ScriptSyntaxError, type ScriptItem } from '../cypher/split.js';

export type PlannedItem =
  | (ScriptItem & { kind: 'command' })
  | (ScriptItem & { kind: 'cypher'; commit: StatementKind });

/**
 * A seed file read, split and checked, before anything of it runs:
 * - transaction: every statement can share one transaction, so the file is all or nothing;
 * - autocommit: every statement has to commit on its own (batched recomputations, schema or
 *   administration commands), as cypher-shell runs them.
 * A file with both kinds is refused (MixedSeedFileError).
 */
export interface FilePlan {
  path: string;
  file: string;
  mode: 'transaction' | 'autocommit';
  items: PlannedItem[];
  /** Lines where cypher statements start, in order. */
  statementLines: number[];
}

export function planFile(path: string): FilePlan {
  const file = basename(path);
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SeedError(file, 0, `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let items: ScriptItem[];
  try {
    items = splitCypherScript(source);
  } catch (e) {
    if (e instanceof ScriptSyntaxError) throw new SeedError(file, e.line, e.message);
    throw e;
  }
  const planned: PlannedItem[] = items.map((item) => {
    if (item.kind === 'command') {
      checkCommand(file, item);
      return { ...item, kind: 'command' };
    }
    return { ...item, kind: 'cypher', commit: classifyStatement(item.text) };
  });
  const statements = planned.filter((i): i is Extract<PlannedItem, { kind: 'cypher' }> => i.kind === 'cypher');
  const firstTx = statements.find((s) => s.commit.commit === 'transaction');
  const firstOwn = statements.find((s) => s.commit.commit === 'own');
  if (firstTx && firstOwn && firstOwn.commit.commit === 'own') {
    throw new MixedSeedFileError(file, firstTx.line, firstOwn.line, firstOwn.commit.form);
  }
  return { path, file, mode: firstOwn ? 'autocommit' : 'transaction', items: planned, statementLines: statements.map((s) => s.line) };
}

/** Only :param is run; transaction and database commands would break the loader's promise. */
function checkCommand(file: string, item: ScriptItem): void {
  if (/^:params?(\s|$)/i.test(item.text)) return;
  if (/^:(begin|commit|rollback|use)\b/i.test(item.text)) {
    throw new SeedError(file, item.line, `"${item.text}": the loader decides the transactions (one per file, or one per statement for a file that must commit piece by piece) and the database; remove transaction and :use commands`);
  }
  throw new SeedError(file, item.line, `unsupported cypher-shell command "${item.text}" (only :param is supported)`);
}
