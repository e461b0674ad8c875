/**
 * Load test (not a test of the suite): the IDE's example queries, in turn on every connection,
 * at each concurrency level, against an API server of its own (a fresh local Neo4j under
 * .neo4j/loadtest, seeded, and `src/main.ts` in a child process, as in production) or --url.
 *   npm run loadtest                          # 50 and 200 connections, 20 s each
 *   npm run loadtest -- --connections 10,50 --duration 30
 *   npm run loadtest -- --url http://127.0.0.1:4000/graphql
 * Prints requests/s, p50/p99 latency and the errors per level (connection errors, non-2xx
 * answers, 2xx answers with GraphQL errors) and writes them to bench/results/loadtest-<date>.json.
 * All connections come from one address, so they are one client to the per-client limit: the
 * server it starts waits up to 1,000 of its requests (CLIENT_MAX_QUEUED=1000) instead of
 * answering 429 past 64; the running ones stay at the default 8 (CLIENT_MAX_CONCURRENT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { openDatabase, prepareDatabase, type Database } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { loadExamples } from '../src/server/ide.js';
import { freePort } from '../src/local-neo4j/launch.js';

const opts = new Command()
  .option('--connections <list>', 'concurrent connections, one run per level', '50,200')
  .option('--duration <s>', 'seconds per level', '20')
  .option('--warmup <s>', 'seconds of untimed load first', '5')
  .option('--url <url>', 'an API to load instead of starting one (its own limits apply)')
  .parse()
  .opts<{ connections: string; duration: string; warmup: string; url?: string }>();

const HOME = fileURLToPath(new URL('../.neo4j/loadtest', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The API as `npm start` runs it, in its own process so the load generator does not share its event loop. */
async function startApi(neo4j: Database['connection']): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, PORT: String(port), HOST: '127.0.0.1',
      LOG_LEVEL: 'warn', LOG_FORMAT: 'json', SEED_ON_EMPTY: 'false', CLIENT_MAX_QUEUED: '1000',
      // One load generator is one client: the server's throughput, not its fair shares (bench/fairness.ts).
      DB_MAX_CONCURRENT: '64', CLIENT_DB_MS_PER_SECOND: '0', METRICS_PORT: '0', QUERY_STATS: 'always',
    },
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const ok = await fetch(url.replace(/graphql$/, 'health')).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGTERM');
  throw new Error('the API did not answer /health within 120 s');
}

function run(url: string, connections: number, seconds: number): Promise<autocannon.Result> {
  const requests = loadExamples().map((e) => ({
    method: 'POST' as const, path: new URL(url).pathname,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: e.query }),
  }));
  return autocannon({
    url, connections, duration: seconds, requests, timeout: 30,
    // A 2xx answer carrying GraphQL errors counts as a mismatch.
    verifyBody: (body) => !String(body ?? '').includes('"errors"'),
  });
}

let db: Database | undefined;
let api: ChildProcess | undefined;
try {
  let url = opts.url;
  if (!url) {
    rmSync(HOME, { recursive: true, force: true });
    const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'true' });
    const log = createLogger('warn', 'json');
    process.stdout.write('starting Neo4j and seeding... ');
    db = await openDatabase(config, log, HOME);
    await prepareDatabase(db, config, log);
    const started = await startApi(db.connection);
    url = started.url;
    api = started.child;
    console.log(`API at ${url}`);
  }
  const examples = loadExamples().map((e) => e.name);
  console.log(`${examples.length} IDE examples in turn on each connection: ${examples.join(', ')}`);
  // Each example once, one after another, so Neo4j has planned every query before the clock runs.
  for (const e of loadExamples()) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: e.query }) });
    const body = (await res.json()) as { errors?: unknown[] };
    if (res.status !== 200 || body.errors) console.warn(`warning: ${e.name} answers ${res.status} ${JSON.stringify(body.errors)}`);
  }
  if (Number(opts.warmup) > 0) await run(url, 10, Number(opts.warmup));

  const rows = [];
  for (const connections of opts.connections.split(',').map(Number)) {
    const r = await run(url, connections, Number(opts.duration));
    const row = {
      connections,
      'requests/s': Math.round(r.requests.average),
      'p50 ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      requests: r.requests.total,
      'connection errors': r.errors,
      timeouts: r.timeouts,
      'non-2xx': r.non2xx,
      'GraphQL errors': r.mismatches,
    };
    rows.push(row);
    console.log(`${connections} connections: ${row['requests/s']} requests/s, p50 ${row['p50 ms']} ms, p99 ${row['p99 ms']} ms, `
      + `${row['connection errors']} connection errors, ${row['non-2xx']} non-2xx, ${row['GraphQL errors']} GraphQL errors (${row.requests} requests)`);
  }
  console.table(rows);
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  const file = fileURLToPath(new URL(`./results/loadtest-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
  writeFileSync(file, JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, url: opts.url ?? 'own server', duration: Number(opts.duration), examples, rows }, null, 2));
  console.log(`Figures written to ${file}`);
} finally {
  if (api && api.exitCode === null) {
    const exited = new Promise((r) => api!.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
  await db?.close();
}
