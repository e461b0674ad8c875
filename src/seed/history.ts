import { QueryRegistry } from '../graph/queries.js';
import type { StatementResult, Statement } from '../graph/writer.js';
import { changedStructure, repoPath, systemChange } from './change.js';
import type { Counts } from './counts.js';
import type { FilePlan } from './plan.js';

// What a seed file wrote, recorded as a (:Change) of the seed loader (issue 24: every write
// records a change in the same transaction). How the file's entities are found: seeds MERGE by
// id, so the loader cannot tell from the statements which nodes are new; instead it reads, in
// the file's transaction before its statements, the entities no change has touched yet
// (normally none), and after them links the Change to the entities unrecorded then that were not
// before: those the file created. A re-run that creates and removes nothing (the usual re-run,
// whose MERGE ... SET Neo4j still counts as properties set) records nothing.

/** What a file's Change says about itself, for the loader's report. */
export interface RecordedChange {
  id: string;
  /** Entities it links (CHANGED): those the file created. */
  entities: number;
}

interface Runner {
  run(statement: Statement, params?: Record<string, unknown>): Promise<StatementResult>;
}

let registry: QueryRegistry | undefined;
const query = (name: string) => (registry ??= new QueryRegistry()).statement(`seed/${name}`);

/**
 * The seed files whose writes are recorded: every file of facts. Not recorded:
 * - 99-derived-values.cypher: derived values are not facts (sort keys, search text, converted
 *   amounts, recomputed from the facts after every load and import), and it runs as
 *   auto-commit CALL { ... } IN CONCURRENT TRANSACTIONS batches that no Change could share;
 * - files of schema or administration commands (constraints.cypher): they write no data.
 */
export function recordsChange(plan: FilePlan): boolean {
  if (plan.file === '99-derived-values.cypher') return false;
  if (plan.mode === 'transaction') return true;
  // A file whose statements commit on their own: only batched data statements are facts.
  return plan.items.some((i) => i.kind === 'cypher' && i.commit.commit === 'own' && i.commit.reason === 'batched');
}

/** Element ids of the entities no change has touched, before the file's statements (see unrecorded.cypher). */
export async function unrecordedEntities(runner: Runner): Promise<string[]> {
  const { records } = await runner.run(query('unrecorded'));
  return (records[0]?.ids as string[] | undefined) ?? [];
}

/**
 * Records the file's Change after its statements, in the runner given (the file's transaction),
 * when the file created or removed something; undefined when it wrote nothing.
 */
export async function recordSeedChange(runner: Runner, plan: FilePlan, counts: Counts, before: string[]): Promise<RecordedChange | undefined> {
  if (!changedStructure(counts)) return undefined;
  const change = systemChange('SEED', `seed:${plan.file}`, `${repoPath(plan.path)}: ${structure(counts)}`);
  const { records } = await runner.run(query('change'), { change, before });
  return { id: records[0]!.change as string, entities: records[0]!.entities as number };
}

/** "+40 nodes, +127 relationships": what the file's Change says it wrote (the loader's report says the rest). */
function structure(c: Counts): string {
  const parts = [
    [c.nodesCreated, '+', 'node'], [c.nodesDeleted, '-', 'node'],
    [c.relationshipsCreated, '+', 'relationship'], [c.relationshipsDeleted, '-', 'relationship'],
    [c.labelsAdded, '+', 'label'], [c.labelsRemoved, '-', 'label'],
  ] as const;
  return parts.filter(([n]) => n > 0).map(([n, sign, what]) => `${sign}${n} ${what}${n === 1 ? '' : 's'}`).join(', ');
}
