import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { openDatabase, prepareDatabase, type Database } from '../../src/bootstrap.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/app.js';

const TEST_HOME = fileURLToPath(new URL('../../.neo4j/test', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    boltUri: string;
    database: string;
  }
}

let db: Database | undefined;
let server: RunningServer | undefined;

/**
 * The suite's own Neo4j: a fresh local one under .neo4j/test on a free port, or the database
 * named by TEST_NEO4J_URI (never NEO4J_URI: the tests clear the database they use). It is
 * seeded, and the API is served over real HTTP on a free port.
 */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.TEST_NEO4J_URI;
  if (!external) rmSync(TEST_HOME, { recursive: true, force: true });
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: external ?? '',
    NEO4J_USER: process.env.TEST_NEO4J_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD ?? '',
    NEO4J_LOCAL_PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const log = createLogger(config.logLevel);
  db = await openDatabase(config, log, TEST_HOME);
  if (external) {
    const session = db.driver.session({ database: config.neo4j.database });
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS').finally(() => session.close());
  }
  await prepareDatabase(db, config, log);
  server = await startServer(db.graph, log, { port: 0, host: '127.0.0.1' });
  project.provide('apiUrl', server.url);
  project.provide('boltUri', db.local?.uri ?? external!);
  project.provide('database', config.neo4j.database);
}

export async function teardown(): Promise<void> {
  await server?.close();
  await db?.close();
}
