import { loadConfig, ConfigError } from './config.js';
import { openDatabase, prepareDatabase } from './bootstrap.js';
import { LocalNeo4jUnavailable } from './local-neo4j/prerequisites.js';
import { createLogger } from './logger.js';
import { SeedError } from './seed/load.js';
import { startServer } from './server/app.js';
import { warmUp } from './server/warm.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.logLevel, config.logFormat);
  const started = performance.now();
  const db = await openDatabase(config, log);
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 30_000).unref();
    try {
      await server?.close();
      await db.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await prepareDatabase(db, config, log);
    server = await startServer(db.graph, log, { port: config.port, host: config.host, ...config.http });
  } catch (e) {
    await db.close();
    throw e;
  }
  log.info(`Ready in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  console.log(`\nGraphQL API and IDE: ${server.url}\n`);
  void warmUp(server.url, log);
}

main().catch((e: unknown) => {
  if (e instanceof LocalNeo4jUnavailable || e instanceof SeedError) console.error(`\n${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
