import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Graph } from '../graph/graph.js';
import type { Logger } from '../logger.js';
import { createApollo } from './apollo.js';
import { clientLimit, DEFAULT_CLIENT_LIMIT, type ClientLimitOptions } from './clientLimit.js';
import { createContext, readServices } from './context.js';
import { corsFor } from './cors.js';
import { buildApiSchema, printApiSchema } from './executableSchema.js';
import { exploreRouter } from './explore.js';
import { healthRouter, type HealthOptions } from './health.js';
import { IDE_CSP, ideRouter, wantsHtml } from './ide.js';
import { metricsHandler } from './metrics.js';
import { persistedQueryCheck } from './persistedQuery.js';
import { requestContext } from './requestContext.js';

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
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
}

/**
 * HTTP: POST and GET /graphql (GraphQL over HTTP), the IDE at GET /graphql for browsers and at
 * /, the SDL at /schema.graphql, /health (the process answers), /ready (Neo4j answers) and
 * /metrics (Prometheus).
 */
export async function startServer(graph: Graph, log: Logger, opts: ServerOptions): Promise<RunningServer> {
  // Parses and checks every field definition under cypher/ now: a broken one stops the start.
  readServices(graph, opts.cursorSecret);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', opts.trustProxy ?? false);
  const server = createServer(app);
  const schema = buildApiSchema();
  const sdl = printApiSchema(schema);
  const apollo = createApollo(server, log, schema, opts.executor ?? 'jit');
  const cors = corsFor(opts.corsOrigins ?? []);
  await apollo.start();

  const { router: ide, page } = ideRouter();
  const sendIde = (res: express.Response) => { res.set('Content-Security-Policy', IDE_CSP).type('html').send(page); };

  app.use(requestContext(log));
  app.get('/metrics', metricsHandler());
  app.use(healthRouter(graph, opts.health));
  app.use(ide);
  app.use(exploreRouter());
  app.get('/', (_req, res) => sendIde(res));
  // The contract as SDL, for codegen and schema checks without introspection; the ETag lets them revalidate.
  app.get('/schema.graphql', cors, (_req, res) => {
    res.set('Cache-Control', 'no-cache').type('text/plain; charset=utf-8').send(sdl);
  });
  app.get('/graphql', (req, res, next) => {
    // A browser navigating here gets the IDE; a GraphQL GET (with ?query=) gets GraphQL.
    if (wantsHtml(req.get('accept')) && req.query.query === undefined) sendIde(res);
    else next();
  });
  app.use('/graphql', cors, clientLimit(opts.clientLimit ?? DEFAULT_CLIENT_LIMIT), express.json({ limit: '256kb' }), persistedQueryCheck(), expressMiddleware(apollo, {
    context: async () => createContext(graph),
  }));
  app.use((err: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    // Body parser faults (oversized or malformed JSON) answered as GraphQL-style errors.
    const status = err.status ?? 500;
    if (status >= 500) log.error({ err }, 'http error');
    res.status(status).json({ errors: [{ message: status >= 500 ? 'Internal server error' : err.message, extensions: { code: status === 413 ? 'PAYLOAD_TOO_LARGE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host === '0.0.0.0' ? 'localhost' : opts.host;
  return {
    url: `http://${host}:${port}/graphql`,
    server,
    close: () => apollo.stop(),
  };
}
