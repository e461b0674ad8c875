import express, { type Router } from 'express';
import { settlesWithin } from '../graph/deadline.js';
import { DOWN_REASONS } from '../graph/faults.js';
import type { Graph } from '../graph/graph.js';

export interface HealthOptions {
  /** How long /ready waits for Neo4j (default 1 s). */
  readyTimeoutMs?: number;
  /** True once the process is shutting down: /ready says so, so traffic goes elsewhere. */
  draining?: () => boolean;
  /** True while the plans are made again after a database restart (src/server/rewarm.ts). */
  warming?: () => boolean;
}

/**
 * /health: the process answers (liveness; it never touches Neo4j, so a database outage does not
 * get the API restarted). /ready: Neo4j answers too, within its own short timeout; a 503 gives
 * a short reason and nothing of the driver's text or the pool.
 */
export function healthRouter(graph: Graph, o: HealthOptions = {}): Router {
  const router = express.Router();
  const timeoutMs = o.readyTimeoutMs ?? 1000;
  router.get('/health', (_req, res) => { res.json({ status: 'ok' }); });
  router.get('/ready', async (_req, res) => {
    res.set('cache-control', 'no-store');
    if (o.draining?.()) {
      res.status(503).json({ status: 'unavailable', reason: 'shutting down' });
      return;
    }
    if (o.warming?.()) {
      res.status(503).set('retry-after', '2').json({ status: 'unavailable', reason: 'warming up after a database restart' });
      return;
    }
    const { availability } = graph;
    const answers = availability.checker
      ? availability.check(timeoutMs)
      : settlesWithin(graph.driver.verifyConnectivity({ database: graph.options.database }), timeoutMs).then((done) => done && availability.isUp);
    if (await answers.catch(() => false)) {
      res.json({ status: 'ready' });
      return;
    }
    const reason = availability.reason ? DOWN_REASONS[availability.reason] : 'the database did not answer in time';
    res.status(503).set('retry-after', '5').json({ status: 'unavailable', reason });
  });
  return router;
}
