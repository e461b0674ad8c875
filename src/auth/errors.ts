import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';
import type { Role } from './roles.js';

const REALM = 'Bearer realm="incident-graph"';

/**
 * HTTP 401 with `WWW-Authenticate: Bearer` (RFC 6750): no identity where one is needed, or a
 * token or key that was presented and is not valid (`invalid`: error="invalid_token"). The
 * message says why in words of this API; it never repeats the token, the key or a claim's value.
 */
export function unauthenticated(message: string, invalid: boolean): GraphQLError {
  const challenge = invalid ? `${REALM}, error="invalid_token"` : REALM;
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', challenge]]) } },
  });
}

/** HTTP 403: the identity is known, and its role is below the one the operation needs. */
export function forbidden(required: Role, held: Role | undefined, what: string): GraphQLError {
  return new GraphQLError(
    `${what} needs the role ${required}; this identity has ${held ? `the role ${held}` : 'no role of this API'}.`,
    { extensions: { code: ErrorCode.FORBIDDEN, requiredRole: required, http: { status: 403, headers: new Map([['www-authenticate', `${REALM}, error="insufficient_scope"`]]) } } },
  );
}
