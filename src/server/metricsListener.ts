import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { securityHeaders } from './headers.js';
import { metricsHandler } from './metrics.js';

export interface MetricsListenerOptions {
  /** Interface to listen on (METRICS_HOST; 127.0.0.1 by default: scrapers on this machine or its network namespace). */
  host: string;
  /** Port (METRICS_PORT); 0: any free port. */
  port: number;
}

export interface MetricsListener {
  /** http://host:port/metrics */
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * GET /metrics on a listener of its own, apart from the API port: the process's figures (Node's
 * version and heap, request counts by operation) are for the operator's scraper, not for any
 * client of the API. Nothing else is served there.
 */
export async function startMetricsListener(o: MetricsListenerOptions): Promise<MetricsListener> {
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.get('/metrics', metricsHandler());
  app.use((_req, res) => { res.status(404).type('text/plain').send('Not found: this listener serves /metrics only\n'); });
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(new Error(`The /metrics listener cannot listen on ${o.host}:${o.port} (${e.code ?? e.message}): choose another METRICS_PORT (0: any free port) or METRICS_HOST`, { cause: e }));
    });
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = o.host === '0.0.0.0' || o.host === '::' ? 'localhost' : o.host.includes(':') ? `[${o.host}]` : o.host;
  return {
    url: `http://${host}:${port}/metrics`,
    server,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
