// The page's only way to the data: POST /graphql, the public API any app uses.

export class ApiError extends Error {
  constructor(message, code, extensions = {}) {
    super(message);
    this.code = code;
    this.extensions = extensions;
  }

  /** The API refused the asOf day (in the future, before anything was known, malformed). */
  get refusedDay() {
    return this.code === 'BAD_USER_INPUT' && this.extensions.argumentName === 'asOf';
  }
}

/** Runs a GraphQL document; any error in the response is thrown with its extensions.code. */
export async function gql(query, variables = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The API answered HTTP ${res.status} without JSON`, 'HTTP');
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((e) => e.message).join('; '), body.errors[0].extensions?.code, body.errors[0].extensions);
  }
  return body.data;
}
