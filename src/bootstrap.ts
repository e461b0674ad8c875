import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import type { Config } from './config.js';
import { createDriver } from './graph/driver.js';
import { Graph } from './graph/graph.js';
import { QueryRegistry } from './graph/queries.js';
import { startLocalNeo4j, type LocalNeo4j } from './local-neo4j/start.js';
import type { Logger } from './logger.js';
import { applySchema, loadFile, seedFiles } from './seed/load.js';

export const LOCAL_DATA_DIR = fileURLToPath(new URL('../.neo4j/data', import.meta.url));

export interface Database {
  driver: Driver;
  graph: Graph;
  /** The local Neo4j this process started, if any. */
  local?: LocalNeo4j;
  close(): Promise<void>;
}

/** Connects to NEO4J_URI, or starts the project's local Neo4j when none is given. */
export async function openDatabase(config: Config, log: Logger, localHome = LOCAL_DATA_DIR): Promise<Database> {
  let local: LocalNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    log.info('NEO4J_URI is not set: starting the local Neo4j Community 5.26');
    local = await startLocalNeo4j({
      home: localHome, port: config.neo4j.localPort, pageCacheMb: config.neo4j.localPageCacheMb,
      log: (m) => log.info(m),
    });
    uri = local.uri;
  }
  const driver = createDriver({ uri, user: config.neo4j.user, password: config.neo4j.password });
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
  } catch (e) {
    await driver.close();
    await local?.stop();
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(e as Error).message.split('\n')[0]}`);
  }
  const graph = new Graph(driver, new QueryRegistry(), {
    database: config.neo4j.database, timeoutMs: config.queryTimeoutMs, searchTimeoutMs: config.searchTimeoutMs,
  });
  return {
    driver, graph, local,
    close: async () => {
      await driver.close();
      await local?.stop();
    },
  };
}

/** Applies constraints and indexes, then loads seeds/ when the database holds no entity yet. */
export async function prepareDatabase(db: Database, config: Config, log: Logger): Promise<void> {
  await applySchema(db.driver, config.neo4j.database);
  if (!config.seedOnEmpty) return;
  const { records } = await db.driver.executeQuery('MATCH (n:Entity) RETURN count(n) > 0 AS seeded', {}, { database: config.neo4j.database });
  if (records[0]?.get('seeded')) return;
  log.info('Empty database: loading seeds/');
  for (const file of seedFiles()) {
    const r = await loadFile(db.driver, config.neo4j.database, file);
    log.info(`  ${r.file}: ${r.statements} statements, +${r.nodesCreated} nodes, +${r.relationshipsCreated} relationships`);
  }
}
