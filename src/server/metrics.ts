import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import client from 'prom-client';
import { ErrorCode } from '../errors.js';
import type { Context } from '../read/context.js';
import { operationNameOf } from './requestContext.js';

/**
 * Prometheus metrics at GET /metrics, on an internal listener of their own (METRICS_HOST,
 * METRICS_PORT: src/server/metricsListener.ts), and on the API port only to a bearer token
 * (METRICS_TOKEN). One registry per process (the metrics are module singletons, so servers
 * started in one process, as the tests do, share them).
 */
export const registry = new client.Registry();
client.collectDefaultMetrics({ register: registry });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20];

const requests = new client.Counter({
  name: 'graphql_requests_total', help: 'GraphQL requests answered, by operation name and outcome (ok or the first error code)',
  labelNames: ['operation', 'outcome'] as const, registers: [registry],
});
const duration = new client.Histogram({
  name: 'graphql_request_duration_seconds', help: 'Time from the request reaching Apollo Server to its response, by operation and outcome',
  labelNames: ['operation', 'outcome'] as const, buckets: SECONDS, registers: [registry],
});
const neo4jQueries = new client.Histogram({
  name: 'graphql_request_neo4j_queries', help: 'Neo4j queries one GraphQL request ran',
  labelNames: ['operation'] as const, buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100], registers: [registry],
});
const neo4jSeconds = new client.Histogram({
  name: 'graphql_request_neo4j_seconds', help: 'Time one GraphQL request spent in Neo4j queries (their sum)',
  labelNames: ['operation'] as const, buckets: SECONDS, registers: [registry],
});
const inFlight = new client.Gauge({
  name: 'graphql_requests_in_flight', help: 'GraphQL requests being executed now', registers: [registry],
});
const rejected = new client.Counter({
  name: 'http_requests_rejected_total', help: 'Requests refused before GraphQL, by reason (RATE_LIMITED: a client over its concurrency and queue)',
  labelNames: ['reason'] as const, registers: [registry],
});
const clientRunning = new client.Gauge({
  name: 'http_client_requests_running', help: 'GraphQL requests holding one of their client\'s slots (all clients)', registers: [registry],
});
const clientWaiting = new client.Gauge({
  name: 'http_client_requests_waiting', help: 'GraphQL requests waiting for one of their client\'s slots (all clients)', registers: [registry],
});
const restarts = new client.Counter({
  name: 'neo4j_local_restarts_total', help: 'Restarts of the local Neo4j by the supervisor', registers: [registry],
});

/** The supervisor of the local Neo4j calls this each time it restarts it. */
export function recordLocalNeo4jRestart(): void {
  restarts.inc();
}

export function recordRejection(reason: string): void {
  rejected.inc({ reason });
}

/** The per-client limiter's slots: +1/-1 as requests start waiting, start running and end. */
export const clientSlots = {
  waiting: (delta: 1 | -1) => clientWaiting.inc(delta),
  running: (delta: 1 | -1) => clientRunning.inc(delta),
};

// Operation names come from clients: only the names of trusted operations (the IDE's examples,
// the explorer's and the example app's requests) become labels, so no client can add series or
// push a real operation out of its own.
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

/** The label of an operation: its name when known, "anonymous" without one, else "other". */
export function operationLabel(name: string | null | undefined, known: ReadonlySet<string>): string {
  if (!name) return 'anonymous';
  return NAME.test(name) && known.has(name) ? name : 'other';
}

function outcomeLabel(code: unknown): string {
  if (code === undefined) return 'ok';
  return typeof code === 'string' && KNOWN_CODES.has(code) ? code : 'other';
}

/**
 * Counts and times every GraphQL request, and what it cost in Neo4j. `knownOperations`: the
 * operation names labelled as themselves; every other name is "other".
 */
export function metricsPlugin(knownOperations: ReadonlySet<string> = new Set()): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      inFlight.inc();
      return {
        async willSendResponse({ response, contextValue, document, request }) {
          inFlight.dec();
          const operation = operationLabel(operationNameOf(document, request.operationName), knownOperations);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          const outcome = errors?.length ? outcomeLabel(errors[0]?.extensions?.code) : 'ok';
          requests.inc({ operation, outcome });
          duration.observe({ operation, outcome }, (performance.now() - started) / 1000);
          neo4jQueries.observe({ operation }, contextValue.stats.queries);
          neo4jSeconds.observe({ operation }, contextValue.stats.dbMs / 1000);
        },
      };
    },
  };
}

/** GET /metrics: the registry in Prometheus text format. */
export function metricsHandler(): RequestHandler {
  return async (_req, res) => {
    res.set('Content-Type', registry.contentType).send(await registry.metrics());
  };
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * /metrics on the API port (METRICS_TOKEN): only to `Authorization: Bearer <token>`, compared in
 * constant time (of the digests: the length of the token leaks nothing either); else 401.
 */
export function bearerOnly(token: string): RequestHandler {
  const expected = digest(token);
  return (req, res, next) => {
    const m = /^Bearer ([^\s]+)$/i.exec(req.get('authorization') ?? '');
    if (m && timingSafeEqual(digest(m[1]!), expected)) return next();
    res.status(401).set('WWW-Authenticate', 'Bearer realm="metrics"').type('text/plain').send('Unauthorized: /metrics needs Authorization: Bearer <METRICS_TOKEN>\n');
  };
}
