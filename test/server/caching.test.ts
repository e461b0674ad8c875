import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, curatorServer, post, type CuratorServer } from '../curation/http-support.js';
import { cleanUp, fixtures, RUN, testUrl } from '../curation/fixtures.js';

// HTTP caching of GraphQL answers (docs/apps.md "Caching", src/server/httpCache.ts): a GET query's
// answer has an ETag that stays while its data does, is revalidated (no-cache) and 304s a match.

let server: CuratorServer;
let publisher: string;

beforeAll(async () => {
  server = await curatorServer();
  ({ publisher } = await fixtures('caching'));
});

afterAll(async () => {
  await cleanUp();
  await server?.close();
});

const ADD_SOURCE = 'mutation($input: AddSourceInput!) { addSource(input: $input) { created } }';
const SOURCES = 'query($id: ID!) { node(id: $id) { ... on Publisher { name sources { url } } } }';

/** A GraphQL GET, as an app or a browser's cache would send it (Apollo's CSRF prevention wants the preflight header). */
async function get(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const url = `${server.url}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined };
}

describe('a GET query\'s ETag', () => {
  it('is the same for two identical GETs, though their Neo4j time differs; weak, since the bodies may differ there', async () => {
    const a = await get(SOURCES, { id: publisher });
    const b = await get(SOURCES, { id: publisher });
    expect(a.status).toBe(200);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.node.name).toContain(RUN);
    const etag = a.headers.get('etag');
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/);
    expect(b.headers.get('etag')).toBe(etag);
    // The timing still reaches the client, in the body (outside production) and as Server-Timing.
    expect(typeof a.body.extensions.neo4j.dbMs).toBe('number');
    expect(a.headers.get('server-timing')).toMatch(/^neo4j;dur=[\d.]+;desc="Neo4j time"$/);
    // node 1 + name 1 + sources (a list gathered across the graph: 20 items) x (1 + url 1) = 42.
    expect(a.body.extensions.cost).toEqual({ requestedQueryCost: 42, maximumQueryCost: 250000 });
  });

  it('a GET with If-None-Match of that ETag is answered 304 without a body, also when it says Cache-Control: no-cache (as fetch does)', async () => {
    const first = await get(SOURCES, { id: publisher });
    const etag = first.headers.get('etag')!;
    const extras: Record<string, string>[] = [{}, { 'cache-control': 'no-cache' }, { 'cache-control': 'max-age=0' }];
    for (const extra of extras) {
      const again = await get(SOURCES, { id: publisher }, { 'if-none-match': etag, ...extra });
      expect(again.status, JSON.stringify(extra)).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('cache-control')).toBe('no-cache');
      expect(again.headers.get('x-request-id')).toBeTruthy();
    }
    // A list of tags, one of them ours, and the strong form of ours (If-None-Match compares weakly).
    expect((await get(SOURCES, { id: publisher }, { 'if-none-match': `"other", ${etag}` })).status).toBe(304);
    expect((await get(SOURCES, { id: publisher }, { 'if-none-match': etag.slice(2) })).status).toBe(304);
    const other = await get(SOURCES, { id: publisher }, { 'if-none-match': 'W/"not-this-one"' });
    expect(other.status).toBe(200);
    expect(other.body.data.node.name).toContain(RUN);
  });

  it('differs once a curator\'s write changes the answer: the old ETag then gets the new answer, 200', async () => {
    const before = await get(SOURCES, { id: publisher });
    const etag = before.headers.get('etag')!;
    expect(before.body.data.node.sources).toEqual([]);
    const auth = bearer(await server.token('curator', `${RUN}-cache-curator`));
    // A fresh Neo4j plans the write path on its first use, which under a loaded machine can pass the
    // 15 s transaction budget: a timed-out write is rolled back, so it is sent again.
    let written = await post(server.url, ADD_SOURCE, { input: { url: testUrl('cache-source'), title: 'A report that changes the answer', publisher } }, auth);
    for (let i = 0; i < 2 && written.errors?.[0]?.extensions?.code === 'QUERY_TIMEOUT'; i++) {
      written = await post(server.url, ADD_SOURCE, { input: { url: testUrl('cache-source'), title: 'A report that changes the answer', publisher } }, auth);
    }
    expect(written.errors).toBeUndefined();
    expect(written.data.addSource.created).toBe(true);
    expect(written.headers.get('cache-control')).toBe('no-store');
    const after = await get(SOURCES, { id: publisher }, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.body.data.node.sources).toEqual([{ url: testUrl('cache-source') }]);
    expect(after.headers.get('etag')).toMatch(/^W\//);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('differs by media type (Accept, in Vary): the same data as application/json and application/graphql-response+json', async () => {
    const json = await get(SOURCES, { id: publisher }, { accept: 'application/json' });
    const graphql = await get(SOURCES, { id: publisher }, { accept: 'application/graphql-response+json' });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(graphql.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
    expect(json.body.data).toEqual(graphql.body.data);
    expect(json.headers.get('etag')).not.toBe(graphql.headers.get('etag'));
  });
});

describe('Cache-Control of /graphql answers', () => {
  it('a GET query: no-cache (revalidate every use); private, no-cache with credentials; Vary names what changes the answer', async () => {
    const anonymous = await get(SOURCES, { id: publisher });
    expect(anonymous.headers.get('cache-control')).toBe('no-cache');
    expect(anonymous.headers.get('vary')?.split(/,\s*/).map((h) => h.toLowerCase())).toEqual(expect.arrayContaining(['accept', 'authorization', 'x-api-key']));
    const reader = await get(SOURCES, { id: publisher }, bearer(await server.token('reader', `${RUN}-cache-reader`)));
    expect(reader.status).toBe(200);
    expect(reader.headers.get('cache-control')).toBe('private, no-cache');
    expect(reader.headers.get('etag')).toMatch(/^W\//);
  });

  it('no-store for POST, for errors (refused, partial, unauthenticated) and for mutations', async () => {
    const posted = await post(server.url, SOURCES, { id: publisher });
    expect(posted.status).toBe(200);
    expect(posted.headers.get('cache-control')).toBe('no-store');
    const invalid = await get('{ nope }');
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('cache-control')).toBe('no-store');
    const partial = await get('{ incidents(first: 1000) { totalCount } }');
    expect(partial.status).toBe(200);
    expect(partial.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(partial.headers.get('cache-control')).toBe('no-store');
    const badKey = await get(SOURCES, { id: publisher }, { 'x-api-key': 'not-a-key' });
    expect(badKey.status).toBe(401);
    expect(badKey.headers.get('cache-control')).toBe('no-store');
    const mutation = await post(server.url, 'mutation { retract(id: "nothing-here", reason: "test", sources: []) { change { id } } }', {});
    expect(mutation.status).toBe(401);
    expect(mutation.headers.get('cache-control')).toBe('no-store');
    // A mutation sent with GET is refused (405), never cached.
    const viaGet = await get('mutation { retract(id: "x", reason: "y", sources: []) { change { id } } }');
    expect(viaGet.status).toBe(405);
    expect(viaGet.headers.get('cache-control')).toBe('no-store');
  });
});
