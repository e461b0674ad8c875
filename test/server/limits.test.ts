import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gql, type GraphQLResponse } from '../support/api.js';

const HOSTILE_NEIGHBOURHOOD = 'neighbourhood(id: "KR", depth: 3, limit: 1000) { nodes { id } relationships { type from to } }';
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

async function post(body: unknown, headers: Record<string, string> = {}): Promise<GraphQLResponse & { status: number }> {
  const res = await fetch(inject('apiUrl'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as GraphQLResponse) };
}

/** A refused query: 400, the limit named with its maximum, no "Syntax Error:", and no Neo4j query run. */
function expectRefused(r: GraphQLResponse & { status: number }, limit: string, allowed: number, code = 'GRAPHQL_VALIDATION_FAILED') {
  expect(r.status).toBe(400);
  expect(r.data).toBeUndefined();
  const e = r.errors?.[0];
  expect(e?.extensions).toMatchObject({ code, limit, allowed });
  expect(e?.message).toContain(String(allowed));
  expect(e?.message).not.toMatch(/Syntax Error/i);
  expect(r.extensions?.neo4j?.queries ?? 0).toBe(0);
}

describe('query limits refuse hostile queries before any resolver runs', () => {
  it('6 aliases of a depth-3, 1,000-relationship neighbourhood (48,000 each): COST, without the computed cost', async () => {
    const r = await gql(aliases(6, HOSTILE_NEIGHBOURHOOD));
    expectRefused(r, 'COST', 250_000);
    // The message gives the limit only: no other figure of six digits or more (the query's own cost).
    expect(r.errors![0]!.message.match(/\d{6,}/g)).toEqual(['250000']);
  });

  it('one such neighbourhood is allowed and answered', async () => {
    const r = await gql(`{ ${HOSTILE_NEIGHBOURHOOD} }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.neighbourhood.nodes.length).toBeGreaterThan(1);
  });

  it('a cost over the limit through variables is refused too', async () => {
    const q = `query($limit: Int!) { ${Array.from({ length: 6 }, (_, i) => `a${i}: neighbourhood(id: "KR", depth: 3, limit: $limit) { nodes { id } relationships { type from to } }`).join(' ')} }`;
    expectRefused(await gql(q, { limit: 1000 }), 'COST', 250_000);
    expect((await gql(q, { limit: 5 })).errors).toBeUndefined();
  });

  it('1,000 aliases of __typename: ALIASES', async () => {
    expectRefused(await gql(aliases(1000, '__typename')), 'ALIASES', 30);
    expect((await gql(aliases(30, '__typename'))).errors).toBeUndefined();
  });

  it('too deep: DEPTH, with GRAPHQL_VALIDATION_FAILED kept', async () => {
    let q = 'id';
    for (let i = 0; i < 10; i++) q = `relatedIncidents { incident { ${q} } }`;
    expectRefused(await gql(`{ incident(id: "coupang-breach-2025") { ${q} } }`), 'DEPTH', 14);
  });

  it('too many directives: DIRECTIVES', async () => {
    expectRefused(await gql(`{ __typename ${'@include(if: true) '.repeat(21)} }`), 'DIRECTIVES', 20);
  });

  it('too many tokens: TOKENS, a parse failure', async () => {
    expectRefused(await gql(`{ ${'__typename '.repeat(6000)} }`), 'TOKENS', 5000, 'GRAPHQL_PARSE_FAILED');
  });

  it('fragments spread into a huge selection are refused', async () => {
    const fields = Array.from({ length: 100 }, () => '__typename').join(' ');
    const spreads = Array.from({ length: 200 }, () => '...F').join(' ');
    const r = await gql(`{ incident(id: "coupang-breach-2025") { ${spreads} } } fragment F on Incident { id ${fields} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.extensions?.neo4j?.queries ?? 0).toBe(0);
  });
});

describe('requests this API does not serve are told so', () => {
  it('subscription: a validation error (400), not a server fault (mutations: test/curation/writePath.test.ts)', async () => {
    const r = await gql('subscription { __typename }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0]?.message).toMatch(/no subscriptions/);
  });

  it('malformed persisted-query extensions: 400 BAD_REQUEST', async () => {
    for (const persistedQuery of ['x', 1, [], { version: 2, sha256Hash: 'a'.repeat(64) }, { version: 1 }, { version: 1, sha256Hash: 5 }, { version: 1, sha256Hash: 'abc' }]) {
      const r = await post({ query: '{ __typename }', extensions: { persistedQuery } });
      expect(r.status, JSON.stringify(persistedQuery)).toBe(400);
      expect(r.errors?.[0]?.extensions?.code, JSON.stringify(persistedQuery)).toBe('BAD_REQUEST');
    }
    // Well formed, but not the hash of the query sent with it.
    const wrong = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(wrong.status).toBe(400);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    // In a GET, extensions is JSON in the URL.
    const res = await fetch(`${inject('apiUrl')}?query=${encodeURIComponent('{ __typename }')}&extensions=${encodeURIComponent('{"persistedQuery":"x"}')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('well-formed persisted queries still work: register, then run by hash', async () => {
    const query = '{ company(id: "coupang") { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const miss = await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(miss.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } })).data).toEqual({ company: { name: 'Coupang' } });
    expect((await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } })).data).toEqual({ company: { name: 'Coupang' } });
  });
});

describe('status codes follow the Accept header (GraphQL over HTTP)', () => {
  const failures: [string, unknown][] = [
    ['parse', { query: '{' }],
    ['validation', { query: '{ nope }' }],
    ['variable coercion', { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: null } }],
    ['cost limit', { query: aliases(29, HOSTILE_NEIGHBOURHOOD) }],
  ];

  it('application/json: 200 with the errors; application/graphql-response+json, */* or none: 400', async () => {
    for (const [kind, body] of failures) {
      const json = await post(body, { accept: 'application/json' });
      expect(json.status, kind).toBe(200);
      expect(json.errors?.length, kind).toBeGreaterThan(0);
      expect((await post(body, { accept: 'application/graphql-response+json' })).status, kind).toBe(400);
      expect((await post(body, { accept: '*/*' })).status, kind).toBe(400);
      expect((await post(body)).status, kind).toBe(400);
    }
  });

  it('a malformed request stays 400 for every client', async () => {
    const res = await fetch(inject('apiUrl'), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{ "not JSON' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
    expect((await post({ qeury: '{ __typename }' }, { accept: 'application/json' })).status).toBe(400);
  });
});
