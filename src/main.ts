import { loadConfig, ConfigError, type Config } from './config.js';
import { openDatabase, prepareDatabase, type Database } from './bootstrap.js';
import { settlesWithin } from './graph/deadline.js';
import { LocalNeo4jUnavailable } from './local-neo4j/prerequisites.js';
import { createLogger, type Logger } from './logger.js';
import { SeedError, SeedRunError } from './seed/load.js';
import { startTracing, stopTracing } from './telemetry/tracing.js';
import { startServer, type RunningServer } from './server/app.js';
import { loadVendor, VendorMissing } from './server/vendor.js';
import { rewarmAfterRestarts } from './server/rewarm.js';
import { warmUp } from './server/warm.js';
import { planWrites } from './write/warm.js';

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
  // Before the database: a missing build says so at once, not after Neo4j has started.
  loadVendor();
  const log = createLogger(config.logLevel, config.logFormat);
  // Before the server exists: it mounts its tracing only when this registered a provider.
  if (startTracing(config.tracing)) {
    const { serviceName, sampler } = config.tracing;
    log.info({ serviceName, sampler }, `Tracing: on, spans sent over OTLP/HTTP as service ${serviceName}`);
  }
  // tsx turns source maps on, and neo4j-driver formats a stack trace for every query it runs:
  // mapped through source maps, that cost ~5% of the API's CPU per request for a nested read.
  process.setSourceMapsEnabled(config.sourceMappedStacks);
  const started = performance.now();
  const state: ShutdownState = { draining: false };
  process.on('SIGINT', () => void shutdown('SIGINT', state, config, log));
  process.on('SIGTERM', () => void shutdown('SIGTERM', state, config, log));

  state.db = await openDatabase(config, log);
  try {
    await prepareDatabase(state.db, config, log);
    const rewarm = config.warmUp ? rewarmAfterRestarts(state.db, () => state.server?.url, log) : undefined;
    state.server = await startServer(state.db.graph, log, {
      port: config.port, host: config.host, ...config.http, cursorSecret: config.cursorSecret,
      health: { readyTimeoutMs: config.readyTimeoutMs, draining: () => state.draining, warming: rewarm?.warming },
    });
  } catch (e) {
    await state.db.close();
    throw e;
  }
  log.info(`Ready in ${((performance.now() - started) / 1000).toFixed(1)}s`);
  console.log(`\nGraphQL API and IDE: ${state.server.url}\n`);
  if (config.warmUp) {
    void warmUp(state.server.url, log);
    void planWrites(state.db.graph, log);
  }
}

const TRACING_FLUSH_MS = 2000;

const NEO4J_ENDS = { stopped: 'stopped cleanly', killed: 'killed', 'not-running': 'not ours, or not running' } as const;

interface ShutdownState {
  draining: boolean;
  signalledAt?: number;
  db?: Database;
  server?: RunningServer;
}

/**
 * SIGTERM/SIGINT: /ready turns 503, the HTTP server stops accepting and lets requests in flight
 * finish (at most SHUTDOWN_DRAIN_MS), the probe and the driver close (at most a second each),
 * then the local Neo4j is asked to stop and killed past NEO4J_LOCAL_STOP_TIMEOUT_MS. The process
 * exits only after Neo4j has: no orphan keeps the store lock. A second signal exits at once.
 */
async function shutdown(signal: string, state: ShutdownState, config: Config, log: Logger): Promise<void> {
  // Ctrl-C under `npm start` reaches this process up to three times at once (the terminal, npm
  // and tsx each pass it on): only a signal well after the first means "now".
  if (state.signalledAt !== undefined && performance.now() - state.signalledAt < 2000) return;
  // A later signal, or one before the database is open: the exit hook of
  // src/local-neo4j/start.ts kills the local Neo4j on the way out.
  if (state.draining || !state.db) {
    const neo4j = state.db ? (state.db.local ? '; the local Neo4j is killed at once' : '') : '; a local Neo4j being started is killed at once';
    log.warn(`${signal} ${state.draining ? 'again during shutdown' : 'while starting'}: exiting now${neo4j}`);
    process.exit(1);
  }
  state.signalledAt = performance.now();
  state.draining = true;
  const t0 = performance.now();
  log.info(`${signal}: shutting down`);
  // Only if a bounded step below overran its bound; the exit hook still kills Neo4j.
  setTimeout(() => {
    log.error('Shutdown overran its bound: exiting');
    process.exit(1);
  }, config.shutdownDrainMs + config.neo4j.localStopTimeoutMs + 10_000).unref();
  const drained = state.server ? await settlesWithin(state.server.close(), config.shutdownDrainMs) : true;
  const drainMs = Math.round(performance.now() - t0);
  // The spans of the drained requests, sent before the exit; a silent collector gets 2 s, not the shutdown.
  if (!(await stopTracing(TRACING_FLUSH_MS))) log.warn(`Tracing: the last spans were not sent within ${TRACING_FLUSH_MS} ms`);
  const { neo4j } = await state.db.close();
  const ms = Math.round(performance.now() - t0);
  // The local Neo4j's own line (src/local-neo4j/start.ts) says how it ended: stopped in N s, or killed and why.
  log.info({ ms, drainMs, drained, neo4j }, `Stopped in ${(ms / 1000).toFixed(1)} s (requests ${drained ? `drained in ${drainMs} ms` : `still running after ${drainMs} ms`}; Neo4j ${NEO4J_ENDS[neo4j]})`);
  process.exit(0);
}

main().catch((e: unknown) => {
  if (e instanceof LocalNeo4jUnavailable || e instanceof SeedError || e instanceof SeedRunError || e instanceof VendorMissing) console.error(`\n${e.message}\n`);
  else console.error(e);
  process.exit(1);
});
