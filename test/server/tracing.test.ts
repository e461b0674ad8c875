import { Writable } from 'node:stream';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { DEFAULT_SERVICE_NAME } from '../../src/telemetry/settings.js';
import { activeTracer, startTracing, stopTracing } from '../../src/telemetry/tracing.js';
import { neo4jEnv } from '../support/api.js';
import { startOwnServer } from './ownServer.js';

/**
 * OpenTelemetry traces (issue 28): a server of the test's own, with a tracer provider whose spans
 * go to the SDK's in-memory exporter, on the suite's Neo4j.
 */

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN = '00f067aa0ba902b7';
const traceparent = (traceId = TRACE_ID, spanId = CALLER_SPAN) => `00-${traceId}-${spanId}-01`;

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

// Every string an attribute or a name holds, to look for what must never be recorded.
const recorded = (spans: ReadableSpan[]) => spans.flatMap((s) => [s.name, s.status.message ?? '', ...Object.values(s.attributes).flatMap((v) => (Array.isArray(v) ? v : [v])).map(String)]);
// What a Cypher text is made of: any of these in a span means a query's text leaked.
const CYPHER = /\b(MATCH|RETURN|UNWIND|WHERE|OPTIONAL|CALL|MERGE|CREATE|EXPLAIN)\b|\$[a-z]/;

const collectLines = (lines: Record<string, unknown>[]) =>
  new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l)); done(); } });

/** The spans of one trace once the request's span has ended (it ends when the response closes). */
async function spansOf(exporter: InMemorySpanExporter, traceId: string, minimum = 3): Promise<ReadableSpan[]> {
  for (let i = 0; i < 100; i++) {
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    if (spans.some((s) => s.kind === SpanKind.SERVER) && spans.length >= minimum) return spans;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no finished request span in trace ${traceId}`);
}

describe('tracing on: HTTP, GraphQL and Neo4j spans in one trace', () => {
  const exporter = new InMemorySpanExporter();
  const lines: Record<string, unknown>[] = [];
  let db: Database;
  let server: RunningServer;

  beforeAll(async () => {
    expect(startTracing({ enabled: true, serviceName: DEFAULT_SERVICE_NAME, sampler: { kind: 'always_on', parentBased: true, ratio: 1 } },
      { spanProcessor: new SimpleSpanProcessor({ exporter }) })).toBe(true);
    const config = loadConfig({ ...process.env, ...neo4jEnv(), NEO4J_DATABASE: inject('database') });
    const log = createLogger('debug', 'json', collectLines(lines));
    db = await openDatabase(config, log);
    server = await startServer(db.graph, log, { port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await stopTracing();
  });

  const query = 'query TraceProbe($id: ID!) { company(id: $id) { name incidents { id title } } }';
  const variables = { id: 'coupang' };

  it('continues the caller\'s traceparent: HTTP -> GraphQL -> Neo4j, each the parent of the next', async () => {
    const res = await post(server.url, { query, variables }, { traceparent: traceparent(), tracestate: 'vendor=abc', 'x-request-id': 'trace-probe-1' });
    expect(res.status).toBe(200);
    const body = await res.json() as { data?: { company?: { name: string } } };
    expect(body.data?.company?.name).toBeTruthy();
    const spans = await spansOf(exporter, TRACE_ID);

    const http = spans.filter((s) => s.kind === SpanKind.SERVER);
    expect(http).toHaveLength(1);
    expect(http[0]!.name).toBe('POST /graphql');
    expect(http[0]!.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(http[0]!.parentSpanContext?.isRemote).toBe(true);
    expect(http[0]!.attributes).toMatchObject({
      'http.request.method': 'POST', 'url.path': '/graphql', 'http.route': '/graphql', 'http.response.status_code': 200,
      'incident_graph.request.id': 'trace-probe-1',
    });
    expect(http[0]!.status.code).toBe(SpanStatusCode.UNSET);
    // The caller's tracestate travels with the trace.
    expect(http[0]!.spanContext().traceState?.get('vendor')).toBe('abc');

    const gql = spans.filter((s) => s.parentSpanContext?.spanId === http[0]!.spanContext().spanId);
    expect(gql.map((s) => s.name)).toEqual(['query TraceProbe']);
    expect(gql[0]!.kind).toBe(SpanKind.INTERNAL);
    expect(gql[0]!.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'TraceProbe' });
    expect(gql[0]!.status.code).toBe(SpanStatusCode.UNSET);

    const neo4j = spans.filter((s) => s.kind === SpanKind.CLIENT);
    expect(neo4j.length).toBeGreaterThan(0);
    for (const s of neo4j) {
      expect(s.parentSpanContext?.spanId, s.name).toBe(gql[0]!.spanContext().spanId);
      expect(s.attributes).toMatchObject({
        'db.system.name': 'neo4j', 'db.operation.name': s.name, 'db.query.summary': s.name,
        'db.namespace': inject('database'), 'incident_graph.neo4j.access_mode': 'READ',
      });
      expect(s.status.code, s.name).toBe(SpanStatusCode.UNSET);
    }
    // Named by the definition the read compiler ran: the root field it answers.
    expect(neo4j.map((s) => s.name)).toContainEqual(expect.stringMatching(/company/i));
    // Every span of the process, the service's name on each.
    expect(spans.every((s) => s.resource.attributes['service.name'] === DEFAULT_SERVICE_NAME)).toBe(true);
    expect(spans).toHaveLength(http.length + gql.length + neo4j.length);
  });

  it('records neither the Cypher, the document nor the variables: not in any name, attribute, status or event', async () => {
    const spans = await spansOf(exporter, TRACE_ID);
    const strings = recorded(spans);
    for (const s of strings) {
      expect(s).not.toMatch(CYPHER);
      expect(s).not.toContain('coupang');
      expect(s).not.toContain('company(id');
      expect(s).not.toContain(query);
    }
    expect(spans.every((s) => s.events.length === 0)).toBe(true);
  });

  it('every log line of the traced request carries its trace id and the request span\'s id, next to reqId', async () => {
    const spans = await spansOf(exporter, TRACE_ID);
    const http = spans.find((s) => s.kind === SpanKind.SERVER)!;
    const mine = lines.filter((l) => l.reqId === 'trace-probe-1');
    expect(mine.map((l) => l.msg)).toEqual(expect.arrayContaining(['query cost', 'request']));
    for (const l of mine) expect(l).toMatchObject({ traceId: TRACE_ID, spanId: http.spanContext().spanId });
  });

  it('a refused argument: the operation\'s span is ERROR with BAD_USER_INPUT, the HTTP span is not (200), the value is nowhere', async () => {
    const traceId = 'a'.repeat(31) + '1';
    const after = 'nosuchcursor-tampered';
    const paged = 'query PagedProbe($after: String) { incidents(first: 2, after: $after) { edges { cursor } } }';
    const res = await post(server.url, { query: paged, variables: { after } }, { traceparent: traceparent(traceId) });
    const body = await res.json() as { errors?: { extensions?: { code?: string } }[] };
    expect(res.status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const spans = await spansOf(exporter, traceId, 2);
    const gql = spans.find((s) => s.name === 'query PagedProbe')!;
    expect(gql.status).toEqual({ code: SpanStatusCode.ERROR, message: 'BAD_USER_INPUT' });
    expect(gql.attributes).toMatchObject({ 'incident_graph.graphql.error_codes': ['BAD_USER_INPUT'], 'error.type': 'BAD_USER_INPUT' });
    const http = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(http.status.code).toBe(SpanStatusCode.UNSET);
    expect(http.attributes['http.response.status_code']).toBe(200);
    for (const s of recorded(spans)) expect(s).not.toContain('nosuchcursor');
  });

  it('an invalid document: named by what is known, ERROR with GRAPHQL_VALIDATION_FAILED; a GET\'s query string is not recorded', async () => {
    const traceId = 'b'.repeat(31) + '2';
    const url = `${server.url}?query=${encodeURIComponent('query SecretShape { nope }')}`;
    const res = await fetch(url, { headers: { traceparent: traceparent(traceId), accept: 'application/json', 'apollo-require-preflight': 'true' } });
    await res.text();
    const spans = await spansOf(exporter, traceId, 2);
    const http = spans.find((s) => s.kind === SpanKind.SERVER)!;
    expect(http.name).toBe('GET /graphql');
    expect(http.attributes['url.path']).toBe('/graphql');
    const gql = spans.find((s) => s.kind === SpanKind.INTERNAL)!;
    expect(gql.name).toBe('query SecretShape');
    expect(gql.status.code).toBe(SpanStatusCode.ERROR);
    expect(gql.attributes['incident_graph.graphql.error_codes']).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    for (const s of recorded(spans)) expect(s).not.toContain('nope');
  });

  it('a Neo4j error: the query\'s span is ERROR with Neo4j\'s code, without the text, the parameters or the message', async () => {
    const tracer = activeTracer()!;
    const text = 'MATCH (n:Company {id: $secret}) RETURN n +';
    const params = { secret: 'parameter-value-never-recorded' };
    let traceId = '';
    await tracer.startActiveSpan('test caller', async (parent) => {
      traceId = parent.spanContext().traceId;
      await expect(db.graph.read({ name: 'test/brokenQuery', text }, params)).rejects.toThrow();
      parent.end();
    });
    const span = exporter.getFinishedSpans().find((s) => s.spanContext().traceId === traceId && s.name === 'test/brokenQuery')!;
    expect(span.kind).toBe(SpanKind.CLIENT);
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR, message: 'Neo.ClientError.Statement.SyntaxError' });
    expect(span.attributes).toMatchObject({ 'db.response.status_code': 'Neo.ClientError.Statement.SyntaxError', 'error.type': 'Neo.ClientError.Statement.SyntaxError' });
    expect(span.events).toEqual([]);
    for (const s of recorded([span])) {
      expect(s).not.toMatch(CYPHER);
      expect(s).not.toContain(params.secret);
    }
  });

  it('a write transaction: one span named by it, each statement\'s under it, WRITE', async () => {
    const tracer = activeTracer()!;
    let traceId = '';
    await tracer.startActiveSpan('test caller', async (parent) => {
      traceId = parent.spanContext().traceId;
      await db.graph.transaction('test/transaction', (run) => run('auth/findKey', { id: 'no-such-key-0000' }));
      parent.end();
    });
    const spans = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const tx = spans.find((s) => s.name === 'test/transaction')!;
    const statement = spans.find((s) => s.name === 'auth/findKey')!;
    expect(tx.attributes).toMatchObject({ 'db.system.name': 'neo4j', 'incident_graph.neo4j.access_mode': 'WRITE' });
    expect(statement.parentSpanContext?.spanId).toBe(tx.spanContext().spanId);
    expect(statement.attributes).toMatchObject({ 'db.operation.name': 'auth/findKey', 'incident_graph.neo4j.access_mode': 'WRITE', 'db.response.returned_rows': 0 });
    for (const s of recorded(spans)) expect(s).not.toContain('no-such-key-0000');
  });

  it('a request without traceparent starts a trace of its own; /health is traced by its route', async () => {
    const res = await fetch(server.url.replace(/\/graphql$/, '/health'));
    await res.text();
    await new Promise((r) => setTimeout(r, 50));
    const health = exporter.getFinishedSpans().filter((s) => s.name === 'GET /health');
    expect(health.length).toBeGreaterThan(0);
    expect(health.at(-1)!.parentSpanContext).toBeUndefined();
    expect(health.at(-1)!.spanContext().traceId).not.toBe(TRACE_ID);
  });
});

describe('tracing off (the default)', () => {
  it('a server started without it writes no trace fields, and nothing is registered', async () => {
    expect(activeTracer()).toBeUndefined();
    // The API's proxy provider has no delegate: every tracer is the no-op one.
    expect(trace.getTracer('x').startSpan('y').isRecording()).toBe(false);
    const lines: Record<string, unknown>[] = [];
    const own = await startOwnServer({}, collectLines(lines));
    try {
      const res = await post(own.url, { query: '{ company(id: "coupang") { name } }' }, { traceparent: traceparent(), 'x-request-id': 'untraced-1' });
      expect(res.status).toBe(200);
      await res.text();
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await own.close();
    }
    const mine = lines.filter((l) => l.reqId === 'untraced-1');
    expect(mine.length).toBeGreaterThan(0);
    for (const l of mine) {
      expect(l).not.toHaveProperty('traceId');
      expect(l).not.toHaveProperty('spanId');
    }
  });
});
