import { GraphQLError } from 'graphql';

/**
 * Every error code this API answers with, and the builders that make them. Apps switch on
 * extensions.code; the error table of docs/apps.md lists the same codes.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_REQUEST',
  /**
   * A single lookup by id (incident(id:), node(id:)) names nothing of its kind: the field is null and
   * the error, at its path, gives the likely id (extensions.suggestion) or the id's own type (actualType).
   */
  NOT_FOUND: 'NOT_FOUND',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Every connection to Neo4j is busy: the request was not run; retry after Retry-After. */
  OVERLOADED: 'OVERLOADED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** One client has too many requests running and waiting: HTTP 429 with Retry-After. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** TRUSTED_DOCUMENTS=require and the query is not one of the trusted documents: HTTP 400. */
  TRUSTED_DOCUMENT_REQUIRED: 'TRUSTED_DOCUMENT_REQUIRED',
  /** No identity where the operation needs one, or a token or API key that is not valid: HTTP 401 with WWW-Authenticate: Bearer. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The identity's role is below the one the operation needs (@requires): HTTP 403. */
  FORBIDDEN: 'FORBIDDEN',
  /** A curator's write based on a version that is no longer current (extensions.currentVersion): nothing was written. */
  CONFLICT: 'CONFLICT',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A mistake in an argument: names the argument so a client can point at it. */
export function badInput(message: string, argumentName: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName, ...extensions } });
}

/** A cursor this API did not issue, or one that was altered. */
export function badCursor(argumentName = 'after'): GraphQLError {
  return badInput('The cursor is not one this API issued: pass a pageInfo cursor unchanged.', argumentName);
}

/**
 * The limits a query can exceed before it runs, in extensions.limit of the error (with the
 * maximum in extensions.allowed). The code stays GRAPHQL_VALIDATION_FAILED, TOKENS excepted:
 * the parser enforces it, so that one is GRAPHQL_PARSE_FAILED.
 */
export const QueryLimit = {
  DEPTH: 'DEPTH',
  ALIASES: 'ALIASES',
  DIRECTIVES: 'DIRECTIVES',
  COST: 'COST',
  TOKENS: 'TOKENS',
  /** A field returning its own type nested in itself (src/server/shapeLimits.ts). */
  RECURSION: 'RECURSION',
  /** Selections of related objects, each one more pattern for Neo4j to plan and match. */
  JOINS: 'JOINS',
  /** Introspection root fields per operation. */
  INTROSPECTION: 'INTROSPECTION',
  /** graphql-js's own budget for checking that same-named fields merge (about 700 repeats of one field use it up). */
  VALIDATION: 'VALIDATION',
} as const;

export type QueryLimit = (typeof QueryLimit)[keyof typeof QueryLimit];

/** A query over a limit: the message names the limit and its maximum, never the query's own figure. */
export function limitExceeded(limit: QueryLimit, allowed: number, message: string): GraphQLError {
  const code = limit === QueryLimit.TOKENS ? ErrorCode.GRAPHQL_PARSE_FAILED : ErrorCode.GRAPHQL_VALIDATION_FAILED;
  return new GraphQLError(message, { extensions: { code, limit, allowed } });
}
