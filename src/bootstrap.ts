import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from './config.js';
import { Availability } from './graph/availability.js';
import { settlesWithin } from './graph/deadline.js';
import { createDriver } from './graph/driver.js';
import { Graph } from './graph/graph.js';
import { Prober } from './graph/probe.js';
import { QueryRegistry } from './graph/queries.js';
import { GraphWriter } from './graph/writer.js';
import { boltUriFile, existingLocalCredentials, listenerUids, type Credentials } from './local-neo4j/credentials.js';
import { startLocalNeo4j, type LocalNeo4j, type StopOutcome } from './local-neo4j/start.js';
import type { Logger } from './logger.js';
import { applySchema, planFiles, runPlans, seedFiles } from './seed/load.js';
import { recordLocalNeo4jRestart } from './server/metrics.js';

/** The default store of the local Neo4j (NEO4J_LOCAL_HOME). */
export const LOCAL_DATA_DIR = fileURLToPath(new URL('../.neo4j/data', import.meta.url));

export interface Database {
  driver: Driver;
  graph: Graph;
  /** Whether Neo4j answers, as the probe and the supervisor see it. */
  availability: Availability;
  /** The local Neo4j this process started, if any. */
  local?: LocalNeo4j;
  /** Where the driver connects and as whom (for a test or tool that needs a driver of its own). */
  connection: { uri: string } & Credentials;
  /** Stops the probe, closes the driver (at most a second), stops the local Neo4j (killing it past its stop timeout). */
  close(): Promise<{ neo4j: StopOutcome }>;
}

const DRIVER_CLOSE_MS = 1000;

/**
 * Connects to NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD); when none is given, to the local
 * Neo4j of localHome: the one already running there (its <home>/bolt-uri, e.g. `npm run neo4j` in
 * another terminal), else one it starts (supervised: restarted when it dies). The local Neo4j
 * is logged in to as user neo4j with the password of .neo4j/neo4j-password, whatever NEO4J_USER
 * and NEO4J_PASSWORD say. Starts the probe that tells queries whether Neo4j answers.
 */
export async function openDatabase(config: Config, log: Logger, localHome = config.neo4j.localHome): Promise<Database> {
  const c = config.neo4j;
  let local: LocalNeo4j | undefined;
  let uri = c.uri;
  let auth: Credentials = { user: c.user, password: c.password };
  if (!uri) {
    const running = await runningLocalNeo4j(localHome, c.connectionTimeoutMs);
    if (running) {
      log.info(`A local Neo4j already runs on ${localHome}: using it at ${running.uri} (the process that started it stops it)`);
      ({ uri } = running);
      auth = running;
    } else {
      log.info('NEO4J_URI is not set: starting the local Neo4j Community 5.26');
      local = await startLocalNeo4j({ home: localHome, port: c.localPort, pageCacheMb: c.localPageCacheMb, log: (m) => log.info(m) });
      uri = local.uri;
      auth = local.credentials;
    }
  }
  const driver = createDriver({
    uri, user: auth.user, password: auth.password, poolSize: c.poolSize,
    connectionTimeoutMs: c.connectionTimeoutMs, acquisitionTimeoutMs: c.acquisitionTimeoutMs, maxRetryTimeMs: c.maxRetryTimeMs,
  });
  try {
    await driver.verifyConnectivity({ database: c.database });
  } catch (e) {
    await driver.close();
    await local?.stop(c.localStopTimeoutMs);
    throw new Error(`Cannot reach Neo4j at ${uri}: ${(e as Error).message.split('\n')[0]}`);
  }
  const availability = new Availability();
  const queries = new QueryRegistry();
  const prober = new Prober({
    uri, auth: neo4j.auth.basic(auth.user, auth.password), database: c.database, query: queries.get('schema/probe'),
    intervalMs: c.probeIntervalMs, timeoutMs: c.probeTimeoutMs, log,
  }, availability);
  if (local) superviseLogs(local, availability, prober, log);
  availability.on('down', (reason) => log.warn({ reason }, 'Neo4j unavailable: queries fail fast until it answers'));
  availability.on('up', () => log.info('Neo4j answers again'));
  await prober.warmUp(30_000);
  prober.start();
  const graph = new Graph(driver, queries, {
    database: c.database, timeoutMs: config.queryTimeoutMs, searchTimeoutMs: config.searchTimeoutMs, deadlineMarginMs: config.deadlineMarginMs,
    maxRetryTimeMs: c.maxRetryTimeMs, recordedMaxChanges: config.recordedMaxChanges,
  }, availability);
  return {
    driver, graph, availability, local, connection: { uri, ...auth },
    close: async () => {
      await prober.stop();
      // A driver waiting on a frozen Neo4j must not hold up shutdown; its sockets die with the process.
      await settlesWithin(driver.close(), DRIVER_CLOSE_MS);
      return { neo4j: local ? await local.stop(c.localStopTimeoutMs) : 'not-running' };
    },
  };
}

/**
 * The local Neo4j another process runs on this home: its URI from <home>/bolt-uri, if it answers
 * a login with the local password. A file left by a launcher killed with SIGKILL names a port
 * nothing, or something else, listens on: the password goes to it only if the one listening
 * there runs as this user (on Linux, where /proc/net tells), and it must accept the login.
 */
export async function runningLocalNeo4j(home: string, connectionTimeoutMs: number): Promise<({ uri: string } & Credentials) | undefined> {
  const file = boltUriFile(home);
  if (!existsSync(file)) return undefined;
  const credentials = existingLocalCredentials();
  const uri = readFileSync(file, 'utf8').trim();
  const port = /^bolt:\/\/127\.0\.0\.1:(\d+)$/.exec(uri)?.[1];
  if (!credentials || !port) return undefined;
  const uids = listenerUids(Number(port));
  if (uids && (uids.length === 0 || uids.some((uid) => uid !== process.getuid?.()))) return undefined;
  const driver = createDriver({ uri, ...credentials, poolSize: 1, connectionTimeoutMs: Math.min(connectionTimeoutMs, 3000), maxRetryTimeMs: 0 });
  try {
    await driver.verifyConnectivity();
    return { uri, ...credentials };
  } catch {
    return undefined;
  } finally {
    await settlesWithin(driver.close(), DRIVER_CLOSE_MS);
  }
}

/** How long the first probe of a restarted Neo4j may take (it loads the Cypher compiler) before the hold is lifted anyway. */
const FIRST_PROBE_MS = 30_000;

/**
 * The supervisor's news, told to the availability (down at once on exit) and to the log. A
 * restarted Neo4j's first query loads its Cypher compiler, which on a busy machine takes longer
 * than the probe's timeout: it is asked once, patiently, before the hold is lifted, so the first
 * probe after a restart does not take a slow start for a freeze ('not-responding', seconds more
 * of outage and a second "unavailable" line). An exit meanwhile keeps its own hold.
 */
function superviseLogs(local: LocalNeo4j, availability: Availability, prober: Prober, log: Logger): void {
  let exits = 0;
  local.on('exit', ({ code, signal }: { code: number | null; signal: string | null }) => {
    exits += 1;
    availability.hold('restarting');
    log.error({ code, signal }, 'The local Neo4j exited: restarting it');
  });
  local.on('restarting', ({ attempt, delayMs }: { attempt: number; delayMs: number }) => log.info({ attempt, delayMs }, 'Restarting the local Neo4j'));
  local.on('restart-failed', (e: Error) => log.error(`The local Neo4j failed to restart: ${e.message.split('\n')[0]}`));
  local.on('ready', ({ restarts }: { restarts: number }) => {
    recordLocalNeo4jRestart();
    log.info({ restarts }, 'The local Neo4j is back');
    const run = exits;
    void (async () => {
      // A probe begun before the restart may still answer 'unreachable': ask again until one answers.
      const until = performance.now() + FIRST_PROBE_MS;
      while (exits === run && performance.now() < until) {
        if (await prober.warmUp(until - performance.now()).catch(() => false)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      if (exits === run) availability.release();
    })();
  });
}

/** Applies constraints and indexes, then loads seeds/ when the database holds no entity yet. */
export async function prepareDatabase(db: Database, config: Config, log: Logger): Promise<void> {
  await applySchema(db.driver, config.neo4j.database);
  if (!config.seedOnEmpty) return;
  const { records } = await new GraphWriter(db.driver, config.neo4j.database).query(db.graph.queries.statement('schema/isSeeded'));
  if (records[0]?.seeded) return;
  log.info('Empty database: loading seeds/');
  // Every file is checked before any runs: a refused file stops the start with nothing loaded.
  const results = await runPlans(db.driver, config.neo4j.database, planFiles(seedFiles()));
  for (const r of results) log.info(`  ${r.file}: ${r.statements} statements, +${r.nodesCreated} nodes, +${r.relationshipsCreated} relationships`);
}
