import neo4j from 'neo4j-driver';
import { ErrorCode } from '../errors.js';

export interface DatabaseFault {
  code: ErrorCode;
  message: string;
  /** Seconds a client should wait before retrying, when that is known. */
  retryAfter?: number;
}

/**
 * What a driver or database error means for a client, without Cypher or driver internals.
 * null: not a database fault (a bug, answered as INTERNAL_SERVER_ERROR).
 */
export function databaseFault(e: unknown): DatabaseFault | null {
  if (!(e instanceof neo4j.Neo4jError)) return null;
  if (/TransactionTimedOut|TransactionTimedOutClientConfiguration/.test(e.code)) {
    return { code: ErrorCode.QUERY_TIMEOUT, message: 'The query took longer than its time budget.' };
  }
  if (e.code === 'ServiceUnavailable' || e.code === 'SessionExpired') {
    return { code: ErrorCode.SERVICE_UNAVAILABLE, message: 'The graph database is unavailable; try again shortly.', retryAfter: 5 };
  }
  return null;
}
