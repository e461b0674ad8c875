import { inject } from 'vitest';
import neo4j, { type Driver } from 'neo4j-driver';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown>; path?: (string | number)[] }[];
  extensions?: { neo4j?: { queries: number; dbMs: number } };
}

/** Sends a GraphQL request over HTTP to the server the global setup started. */
export async function gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T> & { status: number }> {
  const res = await fetch(inject('apiUrl'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as GraphQLResponse<T>) };
}

/** gql() that fails the test on any GraphQL error. */
export async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const r = await gql<T>(query, variables);
  if (r.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data!;
}

/** The suite's Neo4j and its login, as the global setup provides them. */
export function neo4jLogin(): { uri: string; user: string; password: string } {
  return { uri: inject('boltUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') };
}

/** The same login as environment variables, for a CLI or API run in a child process. */
export function neo4jEnv(): { NEO4J_URI: string; NEO4J_USER: string; NEO4J_PASSWORD: string } {
  const l = neo4jLogin();
  return { NEO4J_URI: l.uri, NEO4J_USER: l.user, NEO4J_PASSWORD: l.password };
}

export function testDriver(): Driver {
  const l = neo4jLogin();
  return neo4j.driver(l.uri, neo4j.auth.basic(l.user, l.password), { disableLosslessIntegers: true });
}

export const baseUrl = () => inject('apiUrl').replace(/\/graphql$/, '');
