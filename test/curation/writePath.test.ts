import { afterAll, describe, expect, inject, it } from 'vitest';
import { gql } from '../support/api.js';
import { cleanUp, cypher, testUrl } from './fixtures.js';

afterAll(cleanUp);

const mutation = (name: string) => `mutation { addSource(input: { url: "${testUrl(name)}", title: "x", publisher: "azzet" }) { source { id } } }`;

describe('the write path over HTTP', () => {
  it('a mutation is no longer a validation error: it runs (and is refused without a token)', async () => {
    const r = await gql(mutation('post'));
    expect(r.errors?.[0]?.extensions?.code).not.toBe('GRAPHQL_VALIDATION_FAILED');
    expect(['UNAUTHENTICATED', 'FORBIDDEN']).toContain(r.errors?.[0]?.extensions?.code);
    expect(await cypher('MATCH (s:Source {url: $url}) RETURN s', { url: testUrl('post') })).toEqual([]);
  });

  it('a subscription is still refused: GRAPHQL_VALIDATION_FAILED (400)', async () => {
    const r = await gql('subscription { __typename }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('a mutation sent with GET is refused (405, Allow: POST) and writes nothing', async () => {
    const url = new URL(inject('apiUrl'));
    url.searchParams.set('query', mutation('get'));
    // As a client would send it: with the header Apollo's CSRF prevention asks of a GET.
    const res = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    const body = await res.json() as { errors?: { message: string; extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.message).toBe('GET requests only support query operations, not mutation operations');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(await cypher('MATCH (s:Source {url: $url}) RETURN s', { url: testUrl('get') })).toEqual([]);
  });

  it('a GET without a preflight header is refused by CSRF prevention before anything runs', async () => {
    const url = new URL(inject('apiUrl'));
    url.searchParams.set('query', mutation('csrf'));
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await cypher('MATCH (s:Source {url: $url}) RETURN s', { url: testUrl('csrf') })).toEqual([]);
  });
});
