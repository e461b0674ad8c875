import neo4j from 'neo4j-driver';
import { ErrorCode } from '../errors.js';

export interface DatabaseFault {
  code: ErrorCode;
  message: string;
  /** Seconds a client should wait before retrying, when that is known. */
  retryAfter?: number;
}

/** Why Neo4j is taken to be down; the words /ready shows for each. */
export const DOWN_REASONS = {
  restarting: 'the database is restarting',
  unreachable: 'the database is unreachable',
  'not-responding': 'the database is not responding',
} as const;

export type DownReason = keyof typeof DOWN_REASONS;

/** Neo4j is known to be down: the query was not sent, or stopped waiting when it went down. */
export class DatabaseUnavailable extends Error {
  constructor(readonly reason: DownReason) {
    super(DOWN_REASONS[reason]);
    this.name = 'DatabaseUnavailable';
    // An expected state, logged once per failed request: where it was thrown tells nothing.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Neo4j did not answer within the query's budget plus the client's margin. The server-side
 * transaction timeout normally ends a query first; this fires when the server cannot (frozen,
 * partitioned), so nothing waits on it longer than the budget says.
 */
export class QueryDeadlineExceeded extends Error {
  constructor(readonly afterMs: number) {
    super(`Neo4j did not answer within ${afterMs} ms`);
    this.name = 'QueryDeadlineExceeded';
  }
}

const RETRY_UNAVAILABLE_S = 5;
const RETRY_OVERLOADED_S = 1;

/**
 * What a driver or database error means for a client, without Cypher or driver internals.
 * null: not a database fault (a bug, answered as INTERNAL_SERVER_ERROR).
 */
export function databaseFault(e: unknown): DatabaseFault | null {
  if (e instanceof DatabaseUnavailable) return unavailable();
  if (e instanceof QueryDeadlineExceeded) {
    return { code: ErrorCode.QUERY_TIMEOUT, message: 'The query took longer than its time budget.' };
  }
  if (!(e instanceof neo4j.Neo4jError)) return null;
  if (/TransactionTimedOut|TransactionTimedOutClientConfiguration/.test(e.code)) {
    return { code: ErrorCode.QUERY_TIMEOUT, message: 'The query took longer than its time budget.' };
  }
  if (isPoolExhausted(e)) {
    return { code: ErrorCode.OVERLOADED, message: 'The server is busy; try again shortly.', retryAfter: RETRY_OVERLOADED_S };
  }
  if (isConnectivityFault(e) || e.code === 'Neo.TransientError.General.DatabaseUnavailable') return unavailable();
  // A Graph-Bookmark token (src/graph/bookmarks.ts) is signed, so its bookmarks are this API's:
  // one Neo4j does not know came from another database (a restore, another deployment's secret).
  if (e.code === 'Neo.ClientError.Transaction.InvalidBookmark' || e.code === 'Neo.ClientError.Transaction.InvalidBookmarkMixture') {
    return { code: ErrorCode.BAD_REQUEST, message: 'The Graph-Bookmark header names a write this database does not know (a token from another database): send the request without it.' };
  }
  // A cluster member that has not applied the bookmarked write within Neo4j's bookmark timeout.
  if (e.code === 'Neo.TransientError.Transaction.BookmarkTimeout') {
    return { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The database has not caught up with the write of the Graph-Bookmark header yet; try again shortly.', retryAfter: 1 };
  }
  return null;
}

/** The driver lost, or could not open, a connection: Neo4j may be down. */
export function isConnectivityFault(e: unknown): boolean {
  return e instanceof neo4j.Neo4jError && (e.code === neo4j.error.SERVICE_UNAVAILABLE || e.code === neo4j.error.SESSION_EXPIRED);
}

/** What a query meets when Neo4j is down or stuck (as well as under load, for the last two). */
export function isOutageSymptom(e: unknown): boolean {
  return isConnectivityFault(e) || e instanceof QueryDeadlineExceeded || (e instanceof neo4j.Neo4jError && isPoolExhausted(e));
}

/** Every pooled connection stayed busy for the acquisition timeout (the driver gives it no code). */
function isPoolExhausted(e: InstanceType<typeof neo4j.Neo4jError>): boolean {
  return e.message.startsWith('Connection acquisition timed out');
}

function unavailable(): DatabaseFault {
  return { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The graph database is unavailable; try again shortly.', retryAfter: RETRY_UNAVAILABLE_S };
}
