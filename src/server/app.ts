import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { Authenticator } from '../auth/authenticate.js';
import { NO_JWT, type AuthOptions } from '../auth/options.js';
import { withRoleDirectives } from '../auth/sdl.js';
import type { Graph } from '../graph/graph.js';
import type { Logger } from '../logger.js';
import { httpTracing } from '../telemetry/http.js';
import { tracingOn } from '../telemetry/tracing.js';
import { createApollo, type QueryStatsOptions } from './apollo.js';
import { clientLimit, DEFAULT_CLIENT_LIMIT, requestStats, type ClientLimitOptions } from './clientLimit.js';
import { BOOKMARK_HEADER } from '../graph/bookmarks.js';
import { bookmarksOf } from './bookmarkHeader.js';
import { createContext, readServices } from './context.js';
import { corsFor } from './cors.js';
import { buildApiSchema, printApiSchema } from './executableSchema.js';
import { exploreRouter } from './explore.js';
import { FailureSummary } from './failureSummary.js';
import { API_CSP, REVALIDATE, securityHeaders, sendPage } from './headers.js';
import { healthRouter, type HealthOptions } from './health.js';
import { ideRouter, wantsHtml } from './ide.js';
import { bearerOnly, metricsHandler } from './metrics.js';
import { startMetricsListener, type MetricsListener } from './metricsListener.js';
import { persistedQueryCheck } from './persistedQuery.js';
import { requestContext } from './requestContext.js';
import { jsonBody } from './jsonBody.js';
import { loadTrustedDocuments } from './trustedDocuments.js';
import { loadVendor } from './vendor.js';
import { stixRouter } from './stix.js';
import { taxiiRouter } from './taxii.js';

export interface RunningServer {
  url: string;
  server: Server;
  /** http://host:port/metrics of the internal metrics listener, when `metrics` asked for one. */
  metricsUrl?: string;
  close(): Promise<void>;
}

export interface MetricsOptions {
  /** The internal listener that serves /metrics (METRICS_HOST, default 127.0.0.1). */
  host: string;
  /** Its port (METRICS_PORT); 0: any free port. */
  port: number;
  /** When set (METRICS_TOKEN, 32+ characters), /metrics is served on the API port too, to `Authorization: Bearer <token>`. */
  token?: string;
}

export interface ServerOptions {
  port: number;
  host: string;
  /** Per-client concurrency and queue of GraphQL requests (CLIENT_MAX_CONCURRENT, CLIENT_MAX_QUEUED). */
  clientLimit?: ClientLimitOptions;
  /** Express 'trust proxy' (TRUST_PROXY): which address is the client's behind a proxy. */
  trustProxy?: boolean | number | string;
  /** Origins whose pages may call /graphql and read /schema.graphql from a browser (CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  /** Who executes operations (GRAPHQL_EXECUTOR): graphql-jit (default) or graphql-js. */
  executor?: 'jit' | 'graphql-js';
  /** The key that signs cursors (CURSOR_SECRET); none: the one kept in .neo4j/cursor-secret. */
  cursorSecret?: string;
  /** /ready's own timeout and the shutdown flag (src/server/health.ts). */
  health?: HealthOptions;
  /** Answer __schema/__type (INTROSPECTION, default true); off, /schema.graphql is not served either. */
  introspection?: boolean;
  /** Run only the trusted documents: the IDE's examples, the explorer's and the example app's operations (TRUSTED_DOCUMENTS=require). */
  trustedDocuments?: boolean;
  /** Who gets extensions.neo4j (QUERY_STATS, QUERY_STATS_TOKEN); none: every response. */
  queryStats?: QueryStatsOptions;
  /** Where /metrics is served: its own listener, and the API port with a token. None: nowhere. */
  metrics?: MetricsOptions;
  /** Identities (AUTH_*, READ_ACCESS; src/auth/): whose tokens are trusted, and whether reads need one. None: public reads, API keys, no JWTs. */
  auth?: AuthOptions;
  /** How often requests failed by an outage are counted in the log (default 10 s; src/server/failureSummary.ts). */
  failureLogIntervalMs?: number;
}

/** The shortest METRICS_TOKEN accepted: a guessable token would publish /metrics again. */
export const MIN_METRICS_TOKEN = 32;

/**
 * HTTP: POST and GET /graphql (GraphQL over HTTP), the IDE at GET /graphql for browsers and at
 * /, the explorer at /explore, the SDL at /schema.graphql, /health (the process answers) and
 * /ready (Neo4j answers); an incident's STIX bundle at /stix/incidents/{id} and a TAXII 2.1
 * server at /taxii2/ (src/server/stix.ts, taxii.ts); /metrics (Prometheus) on a listener of its own (`metrics`), and on this
 * port only with a bearer token. Every response carries the security headers of
 * src/server/headers.ts and, unless it is a page, a static file or a GET query's answer
 * (src/server/httpCache.ts), Cache-Control: no-store.
 */
export async function startServer(graph: Graph, log: Logger, opts: ServerOptions): Promise<RunningServer> {
  // The IDE's and the explorer's built browser files: missing, the start fails naming `npm run build`.
  const vendor = loadVendor();
  const metricsToken = opts.metrics?.token;
  if (metricsToken !== undefined && metricsToken.length < MIN_METRICS_TOKEN) {
    throw new Error(`METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN} characters`);
  }
  // Parses and checks every field definition under cypher/ now: a broken one stops the start.
  const { bookmarks } = readServices(graph, opts.cursorSecret);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? false);
  const server = createServer(app);
  const schema = buildApiSchema();
  // With every @requires where schema/*.graphql puts it (graphql-js prints only the definition).
  const sdl = withRoleDirectives(schema, printApiSchema(schema));
  // The project's own operations: the only ones metrics label by name, and with trustedDocuments the only ones that run.
  const trusted = await loadTrustedDocuments();
  // Requests failed by an outage: a count every 10 s and one at the end of the outage, not a line each.
  const failures = new FailureSummary(log, { intervalMs: opts.failureLogIntervalMs });
  // Decided once: with tracing off (the default) neither its middleware nor its plugin is mounted.
  const tracing = tracingOn();
  const apollo = createApollo(server, log, schema, opts.executor ?? 'jit', {
    introspection: opts.introspection, trusted, requireTrusted: opts.trustedDocuments, queryStats: opts.queryStats,
    readsNeedReader: (opts.auth ?? NO_JWT).readAccess === 'authenticated', failures, tracing, bookmarks,
  });
  // Who sends each request: resolved when its context is made, before anything runs.
  const auth = await Authenticator.create(opts.auth ?? NO_JWT, graph, log);
  const cors = corsFor(opts.corsOrigins ?? []);
  await apollo.start();

  const { router: ide, page } = ideRouter(vendor);
  const sendIde = (res: express.Response) => { sendPage(res, page); };

  app.use(requestContext(log));
  // Right after the request id: every route is traced, and the trace's ids join its log fields.
  if (tracing) app.use(httpTracing());
  // Before every route: the 429 of the per-client limit, the body parser's errors and the 404s carry them too.
  app.use(securityHeaders());
  if (metricsToken) app.get('/metrics', bearerOnly(metricsToken), metricsHandler());
  app.use(healthRouter(graph, opts.health));
  app.use(ide);
  app.use(exploreRouter(vendor));
  // STIX 2.1 out: an incident's bundle, and a read-only TAXII 2.1 collection of them, under the GraphQL API's read rule.
  const readsNeedReader = (opts.auth ?? NO_JWT).readAccess === 'authenticated';
  app.use(stixRouter(graph, auth, readsNeedReader));
  app.use(taxiiRouter(graph, auth, readsNeedReader));
  app.get('/', (_req, res) => sendIde(res));
  // The contract as SDL, for codegen and schema checks without introspection; the ETag lets them
  // revalidate. A deployment that turns introspection off hides it here too.
  if (opts.introspection !== false) {
    app.get('/schema.graphql', cors, (_req, res) => {
      res.set('Cache-Control', REVALIDATE).type('text/plain; charset=utf-8').send(sdl);
    });
  }
  app.get('/graphql', (req, res, next) => {
    // The answer depends on Accept: a browser navigating here gets the IDE; a GraphQL GET (with
    // ?query=) gets GraphQL, which a cache may keep and must revalidate (src/server/httpCache.ts),
    // and whose data depends on the identity the request carries.
    res.vary('Accept');
    res.vary('Authorization');
    res.vary('X-API-Key');
    if (wantsHtml(req.get('accept')) && req.query.query === undefined) sendIde(res);
    else next();
  });
  app.use('/graphql', cors, clientLimit(opts.clientLimit ?? DEFAULT_CLIENT_LIMIT), jsonBody(), persistedQueryCheck(), expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const stats = requestStats(res);
      const actor = await auth.actorOf({ authorization: req.get('authorization'), apiKey: req.get('x-api-key') }, stats);
      return createContext(graph, stats, actor, req.get('idempotency-key'), bookmarksOf(req.get(BOOKMARK_HEADER), bookmarks));
    },
  }));
  app.use((_req: express.Request, res: express.Response) => {
    res.status(404).type('text/plain').send('Not found\n');
  });
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    // Body parser faults (oversized or malformed JSON) answered as GraphQL-style errors; never
    // stored, and without what a static file had set before it failed.
    const status = err.status ?? 500;
    if (status >= 500) log.error({ err }, 'http error');
    for (const h of ['ETag', 'Last-Modified', 'Content-Disposition']) res.removeHeader(h);
    res.set('Cache-Control', 'no-store').set('Content-Security-Policy', API_CSP);
    if (status === 404) {
      res.status(404).type('text/plain').send('Not found\n');
      return;
    }
    res.status(status).json({ errors: [{ message: status >= 500 ? 'Internal server error' : err.message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  let metrics: MetricsListener | undefined;
  if (opts.metrics) {
    try {
      metrics = await startMetricsListener(opts.metrics);
    } catch (e) {
      await apollo.stop();
      throw e;
    }
    log.info(`Metrics: ${metrics.url}`);
  }
  const onDown = () => failures.down();
  const onUp = () => failures.recovered();
  graph.availability.on('down', onDown).on('up', onUp);
  const { port } = server.address() as AddressInfo;
  const host = opts.host === '0.0.0.0' ? 'localhost' : opts.host;
  return {
    url: `http://${host}:${port}/graphql`,
    server,
    metricsUrl: metrics?.url,
    close: async () => {
      try {
        await Promise.all([apollo.stop(), metrics?.close()]);
      } finally {
        graph.availability.off('down', onDown).off('up', onUp);
        failures.stop();
      }
    },
  };
}
