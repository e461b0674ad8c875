import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { gql, type GraphQLResponse } from '../support/api.js';

/**
 * Issue 23's findings on limits, each reproduced here against the running server: what a query
 * costs Neo4j, not only what its response can hold.
 */

async function post(body: string, headers: Record<string, string> = {}): Promise<GraphQLResponse & { status: number; text: string }> {
  const res = await fetch(inject('apiUrl'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  let parsed: GraphQLResponse = {} as GraphQLResponse;
  try { parsed = JSON.parse(text) as GraphQLResponse; } catch { /* asserted by the caller */ }
  return { status: res.status, text, ...parsed };
}

function expectLimit(r: GraphQLResponse & { status: number }, limit: string, allowed: number) {
  expect(r.status).toBe(400);
  expect(r.data).toBeUndefined();
  expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit, allowed });
  expect(r.extensions?.neo4j?.queries ?? 0).toBe(0);
}

const nest = (levels: number) => `{ authority(id: "pipc") { ${'parent { id '.repeat(levels)}${'}'.repeat(levels)} } }`;

describe('self-recursive fields are limited by depth', () => {
  it('12 levels of authority { parent { parent ... } } (4 s of planning at cost 82 before) are refused as RECURSION', async () => {
    expectLimit(await gql(nest(12)), 'RECURSION', 3);
    expectLimit(await gql(nest(4)), 'RECURSION', 3);
  });

  it('3 levels are answered', async () => {
    const r = await gql(nest(3));
    expect(r.errors).toBeUndefined();
    expect(r.data.authority).not.toBeNull();
  });

  it('fragments are expanded: the nesting through a named fragment counts too', async () => {
    const q = `query { authority(id: "pipc") { ...P } }
      fragment P on Authority { parent { parent { parent { parent { id } } } } }`;
    expectLimit(await gql(q), 'RECURSION', 3);
  });
});

describe('full-text search costs by its words', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `k${i}q`).join(' ');

  it('four searches of 28 words (5 s of Neo4j time before, at cost 4,000) are over the cost limit', async () => {
    const q = `{ ${[0, 1, 2, 3].map((i) => `s${i}: search(query: "${words(28)}", first: 5) { totalCount }`).join(' ')} }`;
    expectLimit(await gql(q), 'COST', 250_000);
  });

  it('one search of the most words a search takes is within it', async () => {
    const r = await gql(`{ search(query: "${words(32)}", first: 5) { totalCount } }`);
    expect(r.errors).toBeUndefined();
  });
});

describe('breadth: related objects per operation', () => {
  it('more than 64 object selections are refused as JOINS', async () => {
    const q = `{ incident(id: "skt-breach-2025") { ${'company { id } '.repeat(65)} } }`;
    expectLimit(await gql(q), 'JOINS', 64);
  });
});

describe('introspection', () => {
  it('29 aliases of __schema (12.7 MB in 2-2.8 s before) are refused: one introspection root per operation', async () => {
    const q = `{ ${Array.from({ length: 29 }, (_, i) => `s${i}: __schema { types { name fields { name type { name } } } }`).join(' ')} }`;
    const r = await post(JSON.stringify({ query: q }));
    expectLimit(r, 'INTROSPECTION', 1);
    expect(r.text.length).toBeLessThan(2000);
  });

  it('one __schema is answered, and the same text again gets the same answer from memory', async () => {
    const q = '{ __schema { queryType { name } types { name } } }';
    const first = await gql(q);
    const again = await gql(q);
    expect(first.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    expect(first.data.__schema.types.length).toBeGreaterThan(20);
  });
});

describe('request bodies', () => {
  it('5,000 levels of nested JSON in variables (HTTP 500 "Maximum call stack size exceeded" before) are a 400 BAD_REQUEST before parsing', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const r = await post(`{"query":"query ($x: String) { __typename }","variables":{"x":${deep}}}`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(r.errors?.[0]?.message).toMatch(/nested too deeply: at most 32 levels/);
    expect(r.text).not.toMatch(/call stack/);
  });

  it('ordinary nesting (a filter of lists) is accepted', async () => {
    const r = await gql('query ($f: IncidentFilter) { incidents(filter: $f, first: 1) { totalCount } }', { f: { dataCategories: ['email'] } });
    expect(r.status).toBe(200);
  });
});

describe('ids are capped in length and echoed truncated', () => {
  it('an id of 250,000 characters is refused without repeating it (14.5 MB answers before)', async () => {
    const id = 'x'.repeat(250_000);
    const r = await post(JSON.stringify({ query: 'query ($c: ID) { incidents(filter: { company: $c }, first: 1) { totalCount } }', variables: { c: id } }));
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', maxLength: 200 });
    expect(r.text.length).toBeLessThan(2000);
  });

  it('many unknown ids are named five at a time, each at most 64 characters', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `no-such-category-${i}-${'y'.repeat(150)}`);
    const r = await gql('query ($d: [ID!]) { incidents(filter: { dataCategories: $d }, first: 1) { totalCount } }', { d: ids });
    const e = r.errors?.[0];
    expect(e?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(e?.extensions?.unknown).toHaveLength(5);
    expect(e?.message).toMatch(/35 more unknown/);
    expect(JSON.stringify(r).length).toBeLessThan(5000);
  });
});
