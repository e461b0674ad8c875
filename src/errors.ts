import { GraphQLError } from 'graphql';

/**
 * Every error code this API answers with, and the builders that make them. Apps switch on
 * extensions.code; the README's error table lists the same codes.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_REQUEST',
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** Every connection to Neo4j is busy: the request was not run; retry after Retry-After. */
  OVERLOADED: 'OVERLOADED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
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
