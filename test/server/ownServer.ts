import { inject } from 'vitest';
import type { pino } from 'pino';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/server/app.js';
import { neo4jEnv } from '../support/api.js';

export interface OwnServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A second API server inside the test's own process, on the suite's Neo4j, for what the shared
 * server cannot show: other limits, its log lines, its process's metrics.
 */
export async function startOwnServer(opts: Partial<ServerOptions> = {}, logTo?: pino.DestinationStream): Promise<OwnServer> {
  const config = loadConfig({ ...process.env, ...neo4jEnv(), NEO4J_DATABASE: inject('database') });
  const log = createLogger(logTo ? 'debug' : 'warn', 'json', logTo);
  const db: Database = await openDatabase(config, log);
  const server: RunningServer = await startServer(db.graph, log, { port: 0, host: '127.0.0.1', ...opts });
  return {
    url: server.url,
    close: async () => { await server.close(); await db.close(); },
  };
}
