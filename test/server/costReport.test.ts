import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOwnServer, type OwnServer } from './ownServer.js';
import { send } from '../support/loopback.js';
import { gql } from '../support/api.js';
import { matches } from '../../src/server/httpCache.js';
import { rateLimitHeaders } from '../../src/server/rateLimitHeaders.js';

// What a request cost and what its client has left (docs/apps.md "Limits and status codes"):
// extensions.cost as Shopify words it, and the IETF draft's RateLimit-Policy / RateLimit headers.

const KNOWN = '{ incidents(first: 20) { edges { node { id title } } } }';
/** first 20 x (the connection 1 + edges 1 + node 1 + id 1 + title 1): 100, as docs/apps.md works it out. */
const KNOWN_COST = 100;

/** A GraphQL request from one loopback address (each is a client of its own), with its headers. */
async function ask(url: string, from: string, query: string, method: 'GET' | 'POST' = 'POST') {
  const { request } = await import('node:http');
  const u = new URL(url);
  const body = JSON.stringify({ query });
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: any }>((resolve, reject) => {
    const req = request({
      host: u.hostname, port: u.port, method, localAddress: from, agent: false,
      path: method === 'GET' ? `${u.pathname}?query=${encodeURIComponent(query)}` : u.pathname,
      headers: method === 'GET' ? { 'apollo-require-preflight': 'true' } : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => { text += c; }).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? body : undefined);
  });
}

/** RateLimit: "neo4j-time";r=<remaining>;t=<seconds> */
function remaining(header: unknown): { r: number; t: number } {
  const m = /^"neo4j-time";r=(\d+);t=(\d+)$/.exec(String(header));
  if (!m) throw new Error(`not a RateLimit header: ${String(header)}`);
  return { r: Number(m[1]), t: Number(m[2]) };
}

describe('extensions.cost: the requested cost and the limit', () => {
  it('every answer carries its cost, as the cost function of src/server/cost.ts counts it; without a budget, no throttleStatus and no RateLimit headers', async () => {
    const r = await gql(KNOWN);
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect((r.extensions as Record<string, unknown>).cost).toEqual({ requestedQueryCost: KNOWN_COST, maximumQueryCost: 250000 });
    const small = await gql('{ company(id: "coupang") { name } }');
    expect((small.extensions as Record<string, unknown>).cost).toEqual({ requestedQueryCost: 2, maximumQueryCost: 250000 });
  });

  it('a query refused for its cost is told what it asked for (as Shopify does), its error unchanged', async () => {
    const r = await gql(`{ ${Array.from({ length: 6 }, (_, i) => `n${i}: neighbourhood(id: "KR", depth: 3, limit: 1000) { nodes { id } relationships { type from to } }`).join(' ')} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'COST', allowed: 250000 });
    // 6 x 48,000 (docs/apps.md: one such neighbourhood costs 48,000).
    expect((r.extensions as Record<string, unknown>).cost).toEqual({ requestedQueryCost: 288000, maximumQueryCost: 250000 });
  });
});

describe('the Neo4j-time budget: extensions.cost.throttleStatus and RateLimit headers', () => {
  let own: OwnServer;
  let tiny: OwnServer;
  // A budget large enough never to refuse here, refilling slowly enough that spending shows.
  beforeAll(async () => {
    own = await startOwnServer({ clientLimit: { concurrency: 8, queue: 8, dbMsPerSecond: 1, burstMs: 600_000 } });
    tiny = await startOwnServer({ clientLimit: { concurrency: 8, queue: 8, dbMsPerSecond: 1, burstMs: 1 } });
  });
  afterAll(async () => { await own?.close(); await tiny?.close(); });

  it('the policy is the configured budget; what remains goes down as the client spends Neo4j time and never exceeds it', async () => {
    const first = await ask(own.url, '127.0.0.21', KNOWN);
    expect(first.status).toBe(200);
    expect(first.headers['ratelimit-policy']).toBe('"neo4j-time";q=600000;qu="neo4j-ms";w=600000');
    const start = remaining(first.headers.ratelimit);
    expect(start.r).toBeLessThanOrEqual(600_000);
    expect(first.body.extensions.cost).toEqual({
      requestedQueryCost: KNOWN_COST, maximumQueryCost: 250000,
      throttleStatus: { maximumAvailable: 600000, currentlyAvailable: start.r, restoreRate: 1 },
    });
    let last = start;
    for (let i = 0; i < 5; i++) last = remaining((await ask(own.url, '127.0.0.21', KNOWN)).headers.ratelimit);
    // Each query took Neo4j time (well over the 1 ms a second the budget earns back meanwhile).
    expect(last.r).toBeLessThan(start.r);
    expect(last.t).toBeGreaterThan(0);
    expect(last.t).toBe(Math.ceil(600_000 - last.r));
    // Another client has its own budget, untouched.
    const other = remaining((await ask(own.url, '127.0.0.22', '{ __typename }')).headers.ratelimit);
    expect(other.r).toBeGreaterThan(last.r);
  });

  it('a GET\'s ETag stays the same while the budget in its body changes (the budget is left out of the validator)', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await ask(own.url, '127.0.0.23', KNOWN, 'GET'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    const left = answers.map((a) => a.body.extensions.cost.throttleStatus.currentlyAvailable as number);
    expect(new Set(left).size).toBeGreaterThan(1);
    expect(answers[0]!.headers.etag).toMatch(/^W\//);
    expect(new Set(answers.map((a) => a.headers.etag))).toEqual(new Set([answers[0]!.headers.etag]));
  });

  it('a client in debt is refused 429 RATE_LIMITED with RateLimit r=0, and its throttleStatus in the body', async () => {
    const spent = await ask(tiny.url, '127.0.0.24', '{ incidents(first: 5) { totalCount } }');
    expect(spent.status).toBe(200);
    const refused = await ask(tiny.url, '127.0.0.24', '{ incidents(first: 5) { totalCount } }');
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['ratelimit-policy']).toBe('"neo4j-time";q=1;qu="neo4j-ms";w=1');
    expect(remaining(refused.headers.ratelimit).r).toBe(0);
    expect(refused.body.extensions.cost.throttleStatus).toEqual({ maximumAvailable: 1, currentlyAvailable: 0, restoreRate: 1 });
    // The loopback helper of the fairness tests sees the same refusal.
    expect((await send(tiny.url, '127.0.0.24', '{ __typename }').answer).status).toBe(429);
  });
});

describe('Server-Timing goes to whom extensions.neo4j goes (QUERY_STATS_TOKEN in production)', () => {
  const TOKEN = 'cost-report-query-stats-token-0123456789';
  let own: OwnServer;
  beforeAll(async () => { own = await startOwnServer({ queryStats: { always: false, token: TOKEN } }); });
  afterAll(async () => { await own?.close(); });

  it('without the token: extensions.cost, no timing anywhere; with it: extensions.neo4j and Server-Timing', async () => {
    const ask = (headers: Record<string, string>) => fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: KNOWN }) });
    const anonymous = await ask({});
    const body = await anonymous.json() as { extensions: Record<string, unknown> };
    expect(anonymous.headers.get('server-timing')).toBeNull();
    expect(Object.keys(body.extensions)).toEqual(['cost']);
    const trusted = await ask({ 'x-query-stats': TOKEN });
    expect(trusted.headers.get('server-timing')).toMatch(/^neo4j;dur=[\d.]+;desc="Neo4j time"$/);
    expect(Object.keys((await trusted.json() as { extensions: Record<string, unknown> }).extensions).sort()).toEqual(['cost', 'neo4j']);
  });

  it("a kept introspection answer carries no other request's extensions (a token holder's neo4j figures)", async () => {
    const ask = (headers: Record<string, string>) => fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) })
      .then((r) => r.json() as Promise<{ data: unknown; extensions?: Record<string, unknown> }>);
    const first = await ask({});
    const trusted = await ask({ 'x-query-stats': TOKEN });
    const after = await ask({});
    expect(Object.keys(trusted.extensions ?? {})).toContain('neo4j');
    for (const anonymous of [first, after]) {
      expect(anonymous.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      expect(Object.keys(anonymous.extensions ?? {})).not.toContain('neo4j');
    }
  });
});

describe('the __typename flood', () => {
  it('~700 repeats of one field are a documented limit (VALIDATION), not graphql-js\'s bare "Validation aborted."', async () => {
    const r = await gql(`{ ${'__typename '.repeat(800)}}`);
    expect(r.status).toBe(400);
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'VALIDATION', allowed: 500000 });
    expect(r.errors?.[0]?.message).toMatch(/^The query repeats selections too often to be validated/);
    // Below the budget the repeats merge into one value.
    expect((await gql(`{ ${'__typename '.repeat(600)}}`)).data).toEqual({ __typename: 'Query' });
  });
});

describe('helpers', () => {
  it('If-None-Match: weak comparison over a list, and *', () => {
    expect(matches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches('"abc"', 'W/"abc"')).toBe(true);
    expect(matches('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matches('*', 'W/"abc"')).toBe(true);
    expect(matches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matches(undefined, 'W/"abc"')).toBe(false);
  });

  it('RateLimit headers: the window is the time an empty budget takes to fill; t the seconds until it is full', () => {
    expect(rateLimitHeaders({ maximumAvailable: 30000, currentlyAvailable: 29000, restoreRate: 1000 })).toEqual([
      ['RateLimit-Policy', '"neo4j-time";q=30000;qu="neo4j-ms";w=30'],
      ['RateLimit', '"neo4j-time";r=29000;t=1'],
    ]);
  });
});
