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

export function testDriver(): Driver {
  return neo4j.driver(inject('boltUri'), neo4j.auth.basic(process.env.TEST_NEO4J_USER ?? 'neo4j', process.env.TEST_NEO4J_PASSWORD ?? ''), { disableLosslessIntegers: true });
}

export const baseUrl = () => inject('apiUrl').replace(/\/graphql$/, '');
