import express, { type Router } from 'express';
import type { Graph } from '../graph/graph.js';

/** /health: the process answers (liveness). /ready: Neo4j answers too (readiness). */
export function healthRouter(graph: Graph): Router {
  const router = express.Router();
  router.get('/health', (_req, res) => { res.json({ status: 'ok' }); });
  router.get('/ready', async (_req, res) => {
    try {
      await graph.driver.verifyConnectivity({ database: graph.options.database });
      res.json({ status: 'ready' });
    } catch (e) {
      res.status(503).json({ status: 'unavailable', reason: (e as Error).message.split('\n')[0] });
    }
  });
  return router;
}
