import type { TypedDocumentString } from './gql/graphql.js';

/** The codes of the API's error contract (docs/apps.md "Errors"): switch on these, never on messages. */
export type ErrorCode =
  | 'BAD_USER_INPUT' | 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED' | 'BAD_REQUEST' | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE' | 'RATE_LIMITED' | 'QUERY_TIMEOUT' | 'SERVICE_UNAVAILABLE' | 'INTERNAL_SERVER_ERROR';

export interface UnknownValue {
  /** Where it was given: "filter.authority", "from". */
  argument: string;
  value: string;
  /** The closest id there is, when one is close. */
  suggestion: string | null;
}

export interface ApiError {
  message: string;
  /** The field the error nulled (absent when the whole request was refused). */
  path?: (string | number)[];
  extensions: {
    code: ErrorCode;
    argumentName?: string;
    unknown?: UnknownValue[];
    limit?: string;
    allowed?: number;
  };
}

/** The whole request was refused (HTTP 4xx/5xx): nothing ran, there is no data. */
export class RequestRefused extends Error {
  constructor(readonly status: number, readonly errors: ApiError[]) {
    super(`HTTP ${status}: ${errors.map((e) => `${e.extensions.code}: ${e.message}`).join('; ')}`);
  }
}

export interface Result<R> {
  /** Every root field is nullable: a field is null exactly when an error's path names it. */
  data: R;
  errors: ApiError[];
}

type VariablesOf<V> = V extends Record<string, never> ? [] : [variables: V];

/**
 * Sends one typed operation. A refused request (HTTP 400: a bad value, a query over a limit)
 * throws RequestRefused; an answered one returns its data with the errors of the fields it nulled.
 */
export async function request<R, V>(url: string, document: TypedDocumentString<R, V>, ...[variables]: VariablesOf<V>): Promise<Result<R>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const body = (await res.json()) as { data?: R | null; errors?: ApiError[] };
  if (!res.ok || body.data == null) throw new RequestRefused(res.status, body.errors ?? []);
  return { data: body.data, errors: body.errors ?? [] };
}
