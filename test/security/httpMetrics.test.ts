import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import type { Graph } from '../../src/graph/graph.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server/app.js';
import { metricsPlugin, registry } from '../../src/server/metrics.js';
import { startMetricsListener } from '../../src/server/metricsListener.js';
import { baseUrl } from '../support/api.js';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';
import { freePort } from '../../src/local-neo4j/launch.js';

/**
 * Issue 23: /metrics was public on the API port (Node's version, the heap, and operation names
 * any client could fill: 200 junk names pushed a real operation into "other"). Now it is served
 * on a listener of its own, on the API port only to a bearer token, and labels only the
 * operations the server knows.
 */

const TOKEN = 'm'.repeat(24) + 'etrics-token-for-tests';

const metricsOf = (apiUrl: string) => apiUrl.replace(/\/graphql$/, '/metrics');

describe('/metrics is not public on the API port', () => {
  it('the suite\'s server (no metrics options) answers 404, with no process figures', async () => {
    const res = await fetch(`${baseUrl()}/metrics`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).not.toMatch(/nodejs_|process_|graphql_requests_total/);
  });
});

describe('the internal metrics listener', () => {
  let own: OwnServer;
  let listener: string;
  beforeAll(async () => {
    const port = await freePort();
    listener = `http://127.0.0.1:${port}/metrics`;
    own = await startOwnServer({ metrics: { host: '127.0.0.1', port } });
  });
  afterAll(async () => { await own?.close(); });

  it('serves the Prometheus text on its own port, and nothing else; the API port does not', async () => {
    await (await fetch(own.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) })).text();
    const res = await fetch(listener);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(text).toMatch(/^graphql_requests_total\{operation="anonymous",outcome="ok"\} \d+$/m);
    expect((await fetch(listener.replace(/\/metrics$/, '/graphql'))).status).toBe(404);
    expect((await fetch(listener.replace(/\/metrics$/, '/'))).status).toBe(404);
    expect((await fetch(metricsOf(own.url))).status).toBe(404);
  });

  it('closes with the server', async () => {
    const port = await freePort();
    const other = await startOwnServer({ metrics: { host: '127.0.0.1', port } });
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    await other.close();
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });

  it('a port in use stops the start with a message naming METRICS_PORT', async () => {
    const taken = createTcpServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const { port } = taken.address() as AddressInfo;
    try {
      await expect(startMetricsListener({ host: '127.0.0.1', port })).rejects.toThrow(new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port} \\(EADDRINUSE\\).*METRICS_PORT`));
    } finally {
      await new Promise((r) => taken.close(r));
    }
    const any = await startMetricsListener({ host: '127.0.0.1', port: 0 });
    expect(any.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect((await fetch(any.url)).status).toBe(200);
    await any.close();
  });
});

describe('/metrics on the API port with METRICS_TOKEN', () => {
  let own: OwnServer;
  beforeAll(async () => { own = await startOwnServer({ metrics: { host: '127.0.0.1', port: 0, token: TOKEN } }); });
  afterAll(async () => { await own?.close(); });

  it('only to Authorization: Bearer <token>; anything else is 401 with WWW-Authenticate', async () => {
    const ask = (authorization?: string) => fetch(metricsOf(own.url), { headers: authorization ? { authorization } : {} });
    for (const auth of [undefined, 'Bearer', `Bearer ${TOKEN.slice(0, -1)}x`, `Bearer ${TOKEN}x`, `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}`, TOKEN, `Bearer  ${TOKEN}`]) {
      const res = await ask(auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get('www-authenticate'), String(auth)).toMatch(/^Bearer/);
      expect(await res.text(), String(auth)).not.toMatch(/nodejs_|process_/);
    }
    const ok = await ask(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/^process_cpu_seconds_total /m);
  });

  it('a token shorter than 32 characters stops the start', async () => {
    const log = createLogger('silent');
    await expect(startServer({} as Graph, log, { port: 0, host: '127.0.0.1', metrics: { host: '127.0.0.1', port: 0, token: 'short' } }))
      .rejects.toThrow(/METRICS_TOKEN must be at least 32 characters/);
  });
});

describe('operation labels: only the operations the server knows', () => {
  const plugin = metricsPlugin(new Set(['KnownReport']));
  /** A counter's value in the registry (the servers above count into it too: compare before and after). */
  const count = async (series: string) => Number((await registry.metrics()).split('\n').find((l) => l.startsWith(`${series} `))?.split(' ')[1] ?? 0);

  async function answer(document: string, operationName?: string): Promise<void> {
    const hooks = await plugin.requestDidStart!({} as never);
    await hooks!.willSendResponse!({
      response: { body: { kind: 'single', singleResult: {} } },
      contextValue: { stats: { queries: 1, dbMs: 2 } },
      document: parse(document),
      request: { operationName },
    } as never);
  }

  it('300 names a client made up are all "other"; the known one keeps its label; no name is "anonymous"', async () => {
    const other = await count('graphql_requests_total{operation="other",outcome="ok"}');
    const anonymous = await count('graphql_requests_total{operation="anonymous",outcome="ok"}');
    for (let i = 0; i < 300; i++) await answer(`query Junk${i} { __typename }`);
    await answer('query KnownReport { __typename }');
    await answer('{ __typename }');
    await answer('query A { __typename } query KnownReport { __typename }', 'KnownReport');
    const text = await registry.metrics();
    expect(text).not.toMatch(/operation="Junk/);
    expect(text).toMatch(/^graphql_requests_total\{operation="KnownReport",outcome="ok"\} 2$/m);
    expect(await count('graphql_requests_total{operation="other",outcome="ok"}')).toBe(other + 300);
    expect(await count('graphql_requests_total{operation="anonymous",outcome="ok"}')).toBe(anonymous + 1);
  });

  it('without a set of known operations every named operation is "other"', async () => {
    const other = await count('graphql_requests_total{operation="other",outcome="ok"}');
    const bare = metricsPlugin();
    const hooks = await bare.requestDidStart!({} as never);
    await hooks!.willSendResponse!({
      response: { body: { kind: 'single', singleResult: {} } }, contextValue: { stats: { queries: 0, dbMs: 0 } },
      document: parse('query KnownReport { __typename }'), request: {},
    } as never);
    expect(await count('graphql_requests_total{operation="other",outcome="ok"}')).toBe(other + 1);
  });
});
