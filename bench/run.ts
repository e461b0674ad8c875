/**
 * Benchmark (not a test): for each size, a fresh graph of curated seeds plus N synthetic
 * incidents, the API served in-process, and each query kind timed over HTTP.
 *   npm run bench -- --sizes 10000,100000,1000000 --iterations 50
 *   npm run bench -- --sizes 1000000 --load-only            # the two load rates only
 * Loads each size with both paths, each on a fresh store (bulk: CSV + neo4j-admin import +
 * schema, seeds and derived values; online: seeds, then UNWIND batches and derived values) and
 * prints both load rates; the query kinds run on the graph of --queries-on. Prints p50/p95 latency
 * per query kind and Neo4j round trips per request, and writes the figures to
 * bench/results/<date>.json. Uses its own Neo4j under .neo4j/bench (or BENCH_NEO4J_URI, which it
 * clears: then only the online path can load it).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import { loadConfig, type Config } from '../src/config.js';
import { openDatabase, prepareDatabase, type Database } from '../src/bootstrap.js';
import { bulkLoad, bulkUnavailable } from '../src/synthetic/bulk.js';
import { generateGraph } from '../src/synthetic/load.js';
import { createLogger } from '../src/logger.js';
import { startServer } from '../src/server/app.js';
import neo4j from 'neo4j-driver';
import { BENCH_QUERIES, requestOf, type BenchQuery } from './queries.js';
import { canon, countObjects, firstDifference } from './compare/normalise.js';

type LoadPath = 'bulk' | 'online';
const program = new Command()
  .option('--sizes <list>', 'incident counts', '10000,100000,1000000')
  .option('--iterations <n>', 'timed requests per query kind', '50')
  .option('--warmup <n>', 'untimed requests per query kind, right before its timed ones', '5')
  .option('--warm <s>', 'seconds of untimed requests over every kind (4 at a time) before any timing', '240')
  .option('--load <paths>', 'load paths to measure, comma-separated: bulk, online', 'bulk,online')
  .addOption(new Option('--queries-on <path>', 'the load path whose graph the query kinds run on').choices(['bulk', 'online']).default('bulk'))
  .option('--load-only', 'measure the loads only, no query kinds')
  .parse();
const opts = program.opts<{ sizes: string; iterations: string; warmup: string; warm: string; load: string; queriesOn: LoadPath; loadOnly?: boolean }>();
const sizes = opts.sizes.split(',').map(Number);
const HOME = fileURLToPath(new URL('../.neo4j/bench', import.meta.url));
const external = process.env.BENCH_NEO4J_URI;
// A busy machine (Neo4j populating indexes, CSV writers on every core) can be slow to hand out a
// connection: the loads wait rather than fail.
const config = loadConfig({
  NEO4J_ACQUISITION_TIMEOUT_MS: '60000', NEO4J_CONNECTION_TIMEOUT_MS: '30000',
  ...process.env, NEO4J_URI: external ?? '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn', SEARCH_TIMEOUT_MS: '30000',
});
const log = createLogger('warn');
process.setSourceMapsEnabled(config.sourceMappedStacks); // as `npm start` runs (src/main.ts)

let paths = opts.load.split(',').map((p) => p.trim()).filter(Boolean) as LoadPath[];
for (const p of paths) if (p !== 'bulk' && p !== 'online') program.error(`--load: unknown path "${p}" (bulk, online)`);
let queriesOn: LoadPath | undefined = opts.loadOnly ? undefined : opts.queriesOn;
const unavailable = bulkUnavailable(config);
if (unavailable && (paths.includes('bulk') || queriesOn === 'bulk')) {
  console.log(`Bulk load skipped: ${unavailable} The queries run on the online path's graph.`);
  paths = paths.filter((p) => p !== 'bulk');
  if (queriesOn) queriesOn = 'online';
}
// The path the queries run on loads last, so its database stays open for them.
const order = [...new Set([...paths.filter((p) => p !== queriesOn), ...(queriesOn ? [queriesOn] : [])])];

interface LoadFigures { nodes: number; relationships: number; seconds: number; entitiesPerSecond: number; phases?: Record<string, number> }

/** A fresh store loaded by one path; the database is left open. */
async function load(path: LoadPath, size: number): Promise<{ db: Database; figures: LoadFigures }> {
  if (!external) rmSync(HOME, { recursive: true, force: true });
  if (path === 'bulk') {
    let phase = '';
    const { db, result } = await bulkLoad(config, log, { incidents: size, seed: 1, home: HOME },
      (p) => { if (p.phase !== phase) process.stdout.write(`${(phase = p.phase)} `); });
    process.stdout.write('\n');
    return { db, figures: figuresOf(result) };
  }
  const db = await openDatabase(config, log, HOME);
  if (external) await clear(db, config);
  await prepareDatabase(db, config, log);
  const gen = await generateGraph(db.driver, config.neo4j.database, db.graph.queries, { incidents: size, seed: 1, batchSize: 2000, parallel: 2 },
    (n) => { if (n % 100_000 === 0) process.stdout.write(`${n} `); });
  process.stdout.write('\n');
  return { db, figures: figuresOf(gen) };
}

function figuresOf(r: { nodesCreated: number; relationshipsCreated: number; seconds: number; phases?: Record<string, number | undefined> }): LoadFigures {
  return {
    nodes: r.nodesCreated, relationships: r.relationshipsCreated, seconds: r.seconds, entitiesPerSecond: r.nodesCreated / r.seconds,
    ...(r.phases ? { phases: Object.fromEntries(Object.entries(r.phases).map(([k, v]) => [k, +(v ?? 0).toFixed(1)])) } : {}),
  };
}

async function clear(db: Database, c: Config): Promise<void> {
  const s = db.driver.session({ database: c.neo4j.database });
  await s.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS').finally(() => s.close());
}

function printLoad(path: LoadPath, size: number, f: LoadFigures): void {
  console.log(`load ${path.padEnd(6)}: ${f.nodes.toLocaleString('en-US')} nodes, ${f.relationships.toLocaleString('en-US')} relationships in ${f.seconds.toFixed(1)} s`
    + ` = ${Math.round(f.entitiesPerSecond).toLocaleString('en-US')} entities/s (${Math.round(size / f.seconds)} incidents/s)`
    + (f.phases ? `; phases (s): ${Object.entries(f.phases).map(([k, v]) => `${k} ${v}`).join(', ')}` : ''));
}

const QUERIES = BENCH_QUERIES;

/**
 * Untimed requests over every kind, 4 at a time, for `seconds`: a Neo4j just loaded and restarted
 * has not compiled its read paths yet (in the side-by-side comparison a fresh Neo4j took minutes
 * of load to reach its steady rate), and the first kinds timed would pay for it.
 */
async function warmUp(url: string, seconds: number): Promise<void> {
  if (!(seconds > 0)) return;
  const end = performance.now() + seconds * 1000;
  const bodies = Object.values(QUERIES).map(requestOf);
  let next = 0;
  let sent = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (performance.now() < end) {
      const body = bodies[next++ % bodies.length]!;
      await (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).arrayBuffer();
      sent++;
    }
  }));
  console.log(`warm-up: ${sent} untimed requests over ${bodies.length} kinds in ${seconds} s`);
}

interface HandWritten { p50: number; p95: number; objects: number; agree: boolean }

/**
 * The kind's hand-written Cypher query (bench/compare/cypher/), timed through the driver the same
 * number of times: what Neo4j and the driver alone take for the same answer. Its answer is
 * checked against the API's, as the side-by-side comparison checks it.
 */
async function timeHandWritten(db: Database, q: BenchQuery, apiData: Record<string, unknown> | undefined): Promise<HandWritten> {
  const kind = q.handWritten!;
  const text = readFileSync(fileURLToPath(new URL(`./compare/cypher/${kind.cypher.file}.cypher`, import.meta.url)), 'utf8');
  const times: number[] = [];
  let rows: unknown[] = [];
  for (let i = 0; i < Number(opts.warmup) + Number(opts.iterations); i++) {
    const t = performance.now();
    const { records } = await db.driver.executeQuery(text, kind.cypher.params, { database: config.neo4j.database, routing: neo4j.routing.READ });
    const ms = performance.now() - t;
    rows = records.map((r) => r.get(0) as unknown);
    if (i >= Number(opts.warmup)) times.push(ms);
  }
  const hand = canon(kind.pickCypher(rows), kind.ordered);
  const api = apiData ? canon(kind.pickApi(apiData), kind.ordered) : null;
  return { p50: +pct(times, 50).toFixed(1), p95: +pct(times, 95).toFixed(1), objects: countObjects(hand), agree: api !== null && firstDifference(api, hand) === null };
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  console.log(`\n== ${size.toLocaleString('en-US')} incidents ==`);
  const loads: Partial<Record<LoadPath, LoadFigures>> = {};
  let db: Database | undefined;
  for (const path of order) {
    const loaded = await load(path, size);
    loads[path] = loaded.figures;
    printLoad(path, size, loaded.figures);
    if (path === queriesOn) db = loaded.db;
    else await loaded.db.close();
  }
  if (!db) {
    results.push({ incidents: size, loads });
    continue;
  }
  const gen = loads[queriesOn!]!;
  const entities = gen.nodes;
  const server = await startServer(db.graph, log, { port: 0, host: '127.0.0.1' });
  await warmUp(server.url, Number(opts.warm));
  const rows: Record<string, unknown>[] = [];
  for (const [name, q] of Object.entries(QUERIES)) {
    const times: number[] = [];
    let roundTrips = 0;
    let errors = 0;
    let answer: Record<string, unknown> | undefined;
    for (let i = 0; i < Number(opts.warmup) + Number(opts.iterations); i++) {
      const t = performance.now();
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: requestOf(q) });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[]; extensions?: { neo4j?: { queries: number } } };
      const ms = performance.now() - t;
      if (body.errors) errors++;
      answer ??= body.data;
      if (i >= Number(opts.warmup)) { times.push(ms); roundTrips = body.extensions?.neo4j?.queries ?? -1; }
    }
    const row: Record<string, unknown> = { query: name, p50: +pct(times, 50).toFixed(1), p95: +pct(times, 95).toFixed(1), roundTrips, errors };
    if (q.handWritten) row.handWritten = await timeHandWritten(db, q, answer);
    rows.push(row);
  }
  console.table(rows.map((r) => {
    const h = r.handWritten as HandWritten | undefined;
    return {
      'query kind': r.query, 'p50 ms': r.p50, 'p95 ms': r.p95, 'Neo4j queries': r.roundTrips, errors: r.errors,
      ...(h ? { 'hand-written Cypher p50 / p95 ms': `${h.p50} / ${h.p95} (${h.objects} objects, ${h.agree ? 'same answer' : 'DIFFERENT ANSWER'})`, 'p50 ÷ hand-written': +((r.p50 as number) / h.p50).toFixed(2) } : {}),
    };
  }));
  results.push({ incidents: size, nodes: entities, relationships: gen.relationships, loads, queriesOn, queries: rows });
  await server.close();
  await db.close();
}
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
const file = fileURLToPath(new URL(`./results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
writeFileSync(file, JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, iterations: Number(opts.iterations), results }, null, 2));
console.log(`\nFigures written to ${file}`);
