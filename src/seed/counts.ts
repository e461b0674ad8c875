import type { WriteCounts } from '../graph/writer.js';

/** What Neo4j counted for one statement, or summed over a file. */
export type Counts = WriteCounts;

export interface StatementResult extends Counts {
  /** Line in the file where the statement starts. */
  line: number;
}

export const noCounts = (): Counts => ({
  nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0,
  labelsAdded: 0, labelsRemoved: 0, indexesAdded: 0, indexesRemoved: 0, constraintsAdded: 0, constraintsRemoved: 0,
});

const COUNT_KEYS = Object.keys(noCounts()) as (keyof Counts)[];

/** Adds the counts of `b` into `a` (either may carry other fields). */
export function addCounts(a: Counts, b: Counts): void {
  for (const k of COUNT_KEYS) a[k] += b[k];
}
