import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadExamples } from '../../src/server/ide.js';
import { recordLocalNeo4jRestart } from '../../src/server/metrics.js';
import { startOwnServer, type OwnServer } from './ownServer.js';
import { freePort } from '../../src/local-neo4j/launch.js';

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

describe('request ids', () => {
  it('a sane incoming x-request-id is kept and sent back', async () => {
    const res = await post(inject('apiUrl'), '{ __typename }', { 'x-request-id': 'trace-4bf92f3577b34da6' });
    expect(res.headers.get('x-request-id')).toBe('trace-4bf92f3577b34da6');
  });

  it('a missing or unsafe one is replaced by a new UUID, on every route', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const sent of [undefined, '', 'has spaces', 'x'.repeat(200), '<script>', '-leading-dash']) {
      const res = await post(inject('apiUrl'), '{ __typename }', sent === undefined ? {} : { 'x-request-id': sent });
      expect(res.headers.get('x-request-id'), String(sent)).toMatch(uuid);
    }
    const base = inject('apiUrl').replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).headers.get('x-request-id')).toMatch(uuid);
  });
});

describe('logs and metrics of a server', () => {
  const lines: Record<string, unknown>[] = [];
  let own: OwnServer;
  let metricsUrl: string;
  beforeAll(async () => {
    const sink = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l)); done(); } });
    const port = await freePort();
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
    own = await startOwnServer({ metrics: { host: '127.0.0.1', port } }, sink);
  });
  afterAll(async () => { await own?.close(); });

  it('every line logged while serving a request carries its id, from the HTTP layer to inside Apollo', async () => {
    const res = await post(own.url, 'query LoggedProbe { company(id: "coupang") { name } }', { 'x-request-id': 'log-probe-1' });
    expect(res.status).toBe(200);
    await res.text();
    await new Promise((r) => setTimeout(r, 50));
    const mine = lines.filter((l) => l.reqId === 'log-probe-1');
    // The cost line is written inside Apollo's pipeline, the request line when the response closes.
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['query cost', 'request']));
    expect(mine.find((l) => l.msg === 'request')).toMatchObject({ method: 'POST', path: '/graphql', status: 200, operation: 'LoggedProbe' });
    expect(lines.filter((l) => l.msg === 'query cost' || l.msg === 'request').every((l) => typeof l.reqId === 'string')).toBe(true);
  });

  it('/metrics, on the metrics listener: requests by operation and outcome, latency, Neo4j queries and time, restarts', async () => {
    // An IDE example: a trusted operation, labelled by its name.
    const incidents = loadExamples().find((e) => e.name === 'incidents')!.query;
    expect(incidents).toMatch(/^query Incidents\b/m);
    await (await post(own.url, incidents)).text();
    await (await post(own.url, 'query Incidents { nope }')).text();
    // A name the server does not know is "other": clients cannot add series.
    await (await post(own.url, 'query MetricsProbe { company(id: "coupang") { name incidents { id } } }')).text();
    recordLocalNeo4jRestart();
    expect((await fetch(own.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
    const res = await fetch(metricsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^graphql_requests_total\{operation="Incidents",outcome="ok"\} 1$/m);
    expect(text).toMatch(/^graphql_requests_total\{operation="Incidents",outcome="GRAPHQL_VALIDATION_FAILED"\} 1$/m);
    expect(text).toMatch(/^graphql_request_duration_seconds_count\{operation="Incidents",outcome="ok"\} 1$/m);
    // LoggedProbe (the test above) and MetricsProbe.
    expect(text).toMatch(/^graphql_requests_total\{operation="other",outcome="ok"\} 2$/m);
    expect(text).not.toMatch(/MetricsProbe|LoggedProbe/);
    // One root field: one Neo4j query, and some time in it.
    expect(text).toMatch(/^graphql_request_neo4j_queries_sum\{operation="Incidents"\} 1$/m);
    expect(Number(text.match(/^graphql_request_neo4j_seconds_sum\{operation="Incidents"\} (\S+)$/m)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/^neo4j_local_restarts_total 1$/m);
    expect(text).toMatch(/^graphql_requests_in_flight 0$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });
});
