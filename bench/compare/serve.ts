/**
 * One of the compared servers in a process of its own (started by bench/compare.ts with an IPC
 * channel): each server has the V8 heap, garbage collector, JIT feedback and driver to itself,
 * as in a deployment, rather than paying for the others' garbage and code shapes.
 *   COMPARE_SERVER=api|lib|cypher COMPARE_BOLT=bolt://... COMPARE_DATABASE=neo4j tsx bench/compare/serve.ts
 * Sends {url} once listening; answers {idle: ms} to {idle: true} once no request is in flight.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { openDatabase } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createDriver } from '../../src/graph/driver.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server/app.js';
import { inFlight } from './measure.js';
import { startHandWritten, startNeo4jGraphQL, type Running } from './servers.js';

const which = process.env.COMPARE_SERVER;
const bolt = process.env.COMPARE_BOLT!;
const database = process.env.COMPARE_DATABASE ?? 'neo4j';
const send = (m: unknown) => process.send!(m);

let running: Running;
let close: () => Promise<void>;
if (which === 'api') {
  // As `npm start` runs it (src/main.ts), over the benchmark's Neo4j.
  const config = loadConfig({ ...process.env, NEO4J_URI: bolt, NEO4J_DATABASE: database, LOG_LEVEL: 'warn' });
  process.setSourceMapsEnabled(config.sourceMappedStacks);
  const log = createLogger('warn');
  const db = await openDatabase(config, log);
  const api = await startServer(db.graph, log, { port: 0, host: '127.0.0.1' });
  running = { url: api.url, server: api.server, close: () => api.close() };
  close = async () => { await api.close(); await db.close(); };
} else if (which === 'lib' || which === 'cypher') {
  // The driver settings the API's own driver has (src/graph/driver.ts), as when all three shared it.
  const driver = createDriver({ uri: bolt, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
  running = which === 'lib' ? await startNeo4jGraphQL(driver, database) : await startHandWritten(driver, database);
  close = async () => { await running.close(); await driver.close(); };
} else {
  throw new Error(`COMPARE_SERVER must be api, lib or cypher (got ${which})`);
}
const busy = inFlight(running.server);
// V8's CPU profiler over a stretch of load only (bench/profile.ts), not the start-up.
const inspector = new Session();
async function profile(what: string): Promise<void> {
  if (what === 'start') {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
    send({ profiling: true });
    return;
  }
  const { profile: p } = await inspector.post('Profiler.stop');
  writeFileSync(what, JSON.stringify(p));
  inspector.disconnect();
  send({ profiled: true });
}
process.on('message', (m: { idle?: boolean; stop?: boolean; profile?: string }) => {
  if (m.profile) void profile(m.profile).catch((e: Error) => send({ error: e.message }));
  if (m.idle) void busy.idle().then((ms) => send({ idle: ms }), (e: Error) => send({ error: e.message }));
  if (m.stop) void close().finally(() => process.exit(0));
});
process.on('disconnect', () => void close().finally(() => process.exit(0)));
send({ url: running.url });
