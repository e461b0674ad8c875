import type { Actor } from '../auth/actor.js';
import type { Consistency } from '../graph/bookmarks.js';
import type { Graph, QueryStats } from '../graph/graph.js';
import type { Cursors } from '../pagination/cursor.js';
import type { Reader } from './reader.js';

/**
 * What every resolver gets: the request's reader (its Neo4j queries and their count) and cursors.
 * Made per request by src/server/context.ts; a type only, so the modules that read it depend on
 * nothing of the server's.
 */
export interface Context {
  read: Reader;
  cursors: Cursors;
  stats: QueryStats;
  /** Who sends the request (verified before anything runs: src/auth/); none: anonymous. */
  actor?: Actor;
  /** The curators' writes: one managed write transaction per mutation (src/write/mutate.ts). */
  write: Pick<Graph, 'transaction'>;
  /** The request's Idempotency-Key header: a retried mutation returns its first result (src/write/mutate.ts). */
  idempotencyKey?: string;
  /** Read-your-writes across replicas: the bookmarks the request came with, and those its write left (src/graph/bookmarks.ts). */
  consistency: Consistency;
}
