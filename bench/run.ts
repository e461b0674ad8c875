/**
 * Benchmark (not a test): for each size, a fresh graph of curated seeds plus N synthetic
 * incidents, the API served in-process, and each query kind timed over HTTP.
 *   npm run bench -- --sizes 10000,100000,1000000 --iterations 50
 * Prints the load rate, p50/p95 latency per query kind and Neo4j round trips per request, and
 * writes the figures to bench/results/<date>.json. Uses its own Neo4j under .neo4j/bench (or
 * BENCH_NEO4J_URI, which it clears).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import { openDatabase, prepareDatabase } from '../src/bootstrap.js';
import { generateGraph } from '../src/generate/load.js';
import { createLogger } from '../src/logger.js';
import { startServer } from '../src/server/app.js';
import { BENCH_QUERIES } from './queries.js';

const program = new Command()
  .option('--sizes <list>', 'incident counts', '10000,100000,1000000')
  .option('--iterations <n>', 'timed requests per query kind', '50')
  .option('--warmup <n>', 'untimed requests per query kind', '5')
  .parse();
const opts = program.opts<{ sizes: string; iterations: string; warmup: string }>();
const sizes = opts.sizes.split(',').map(Number);
const HOME = fileURLToPath(new URL('../.neo4j/bench', import.meta.url));

const QUERIES = BENCH_QUERIES;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  const external = process.env.BENCH_NEO4J_URI;
  if (!external) rmSync(HOME, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, NEO4J_URI: external ?? '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn', SEARCH_TIMEOUT_MS: '30000' });
  const log = createLogger('warn');
  const db = await openDatabase(config, log, HOME);
  if (external) {
    const s = db.driver.session();
    await s.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS').finally(() => s.close());
  }
  await prepareDatabase(db, config, log);
  process.stdout.write(`\n== ${size.toLocaleString('en-US')} incidents ==\nloading... `);
  const gen = await generateGraph(db.driver, config.neo4j.database, db.graph.queries, { incidents: size, seed: 1, batchSize: 2000 },
    (n) => { if (n % 20000 === 0) process.stdout.write(`${n} `); });
  const entities = gen.nodesCreated;
  console.log(`\nload: ${entities.toLocaleString('en-US')} nodes, ${gen.relationshipsCreated.toLocaleString('en-US')} relationships in ${gen.seconds.toFixed(1)} s`
    + ` = ${Math.round(entities / gen.seconds).toLocaleString('en-US')} entities/s (${Math.round(size / gen.seconds)} incidents/s)`);
  const server = await startServer(db.graph, log, { port: 0, host: '127.0.0.1' });
  const rows: Record<string, unknown>[] = [];
  for (const [name, q] of Object.entries(QUERIES)) {
    const times: number[] = [];
    let roundTrips = 0;
    let errors = 0;
    for (let i = 0; i < Number(opts.warmup) + Number(opts.iterations); i++) {
      const t = performance.now();
      const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q) });
      const body = (await res.json()) as { errors?: unknown[]; extensions?: { neo4j?: { queries: number } } };
      const ms = performance.now() - t;
      if (body.errors) errors++;
      if (i >= Number(opts.warmup)) { times.push(ms); roundTrips = body.extensions?.neo4j?.queries ?? -1; }
    }
    rows.push({ query: name, p50: +pct(times, 50).toFixed(1), p95: +pct(times, 95).toFixed(1), roundTrips, errors });
  }
  console.table(rows.map((r) => ({ 'query kind': r.query, 'p50 ms': r.p50, 'p95 ms': r.p95, 'Neo4j queries': r.roundTrips, errors: r.errors })));
  results.push({ incidents: size, nodes: entities, relationships: gen.relationshipsCreated, loadSeconds: gen.seconds, entitiesPerSecond: entities / gen.seconds, queries: rows });
  await server.close();
  await db.close();
}
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
const file = fileURLToPath(new URL(`./results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
writeFileSync(file, JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, iterations: Number(opts.iterations), results }, null, 2));
console.log(`\nFigures written to ${file}`);
