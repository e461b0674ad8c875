import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../src/config.js';
import { openDatabase, prepareDatabase, type Database } from '../../src/bootstrap.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { warmUp } from '../../src/server/warm.js';

// One store per run, so two runs (a file being re-run while the suite runs) never share one.
const TEST_ROOT = fileURLToPath(new URL('../../.neo4j/test', import.meta.url));
const TEST_HOME = join(TEST_ROOT, String(process.pid));

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    /** The suite's Neo4j: its Bolt URI and the login it takes (the local one's, or TEST_NEO4J_USER/TEST_NEO4J_PASSWORD). */
    boltUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    database: string;
  }
}

let db: Database | undefined;
let server: RunningServer | undefined;

/**
 * The suite's own Neo4j: a fresh local one under .neo4j/test on a free port (its login: user
 * neo4j, the password of .neo4j/neo4j-password), or the database named by TEST_NEO4J_URI
 * (never NEO4J_URI: the tests clear the database they use) with TEST_NEO4J_USER and
 * TEST_NEO4J_PASSWORD. It is seeded, and the API is served over real HTTP on a free port.
 * Tests connect with inject('boltUri'), inject('neo4jUser') and inject('neo4jPassword').
 */
export async function setup(project: TestProject): Promise<void> {
  const external = process.env.TEST_NEO4J_URI;
  if (!external) removeStaleStores();
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: external ?? '',
    NEO4J_USER: process.env.TEST_NEO4J_USER ?? 'neo4j',
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD ?? '',
    NEO4J_LOCAL_PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // Generous budgets: a busy machine must not fail a test. Budgets themselves are tested with
    // deterministic ones (test/api/graph.test.ts, test/faults/).
    QUERY_TIMEOUT_MS: process.env.QUERY_TIMEOUT_MS ?? '60000',
    SEARCH_TIMEOUT_MS: process.env.SEARCH_TIMEOUT_MS ?? '30000',
  });
  const log = createLogger(config.logLevel);
  db = await openDatabase(config, log, TEST_HOME);
  if (external) {
    const session = db.driver.session({ database: config.neo4j.database });
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS').finally(() => session.close());
  }
  await prepareDatabase(db, config, log);
  server = await startServer(db.graph, log, { port: 0, host: '127.0.0.1' });
  await warmUp(server.url, log);
  project.provide('apiUrl', server.url);
  project.provide('boltUri', db.connection.uri);
  project.provide('neo4jUser', db.connection.user);
  project.provide('neo4jPassword', db.connection.password);
  project.provide('database', config.neo4j.database);
}

export async function teardown(): Promise<void> {
  await server?.close();
  await db?.close();
  rmSync(TEST_HOME, { recursive: true, force: true });
}

/** Stores of runs whose process is gone (killed before their teardown). */
function removeStaleStores(): void {
  if (!existsSync(TEST_ROOT)) return;
  for (const entry of readdirSync(TEST_ROOT)) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || !alive(pid)) rmSync(join(TEST_ROOT, entry), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
