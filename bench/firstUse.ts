/**
 * First use against repeats (not a test of the suite): each IDE example sent once to a fresh
 * server, then again, timed over HTTP. With no --url it starts a fresh local Neo4j under
 * .neo4j/first-use, seeds it, runs `src/main.ts` in a child process as `npm start` does, and
 * starts the clock once the server logs that its warm-up is done (src/server/warm.ts).
 *   npx tsx bench/firstUse.ts            # warmed at start-up, as `npm start` does
 *   npx tsx bench/firstUse.ts --cold     # WARM_UP=false: the first use as it was before the warm-up
 *   npx tsx bench/firstUse.ts --url http://127.0.0.1:4000/graphql --examples ../old/src/server/ide/examples
 *   npx tsx bench/firstUse.ts --variants 2   # new texts: each example with one leaf field left out (issue 25)
 * The second form measures a server started by hand (an older version, to compare), with the
 * examples that version knows. Prints, per example, the first request and the median of the
 * repeats (ms), and writes them to bench/results/first-use-<date>.json.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { openDatabase, prepareDatabase, type Database } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { loadExamples } from '../src/server/ide.js';
import { freePort } from '../src/local-neo4j/launch.js';
import { leafDrops } from './compare/variants.js';

const opts = new Command()
  .option('--url <url>', 'a running API to measure instead of starting one')
  .option('--examples <dir>', 'the example queries to send (default: this checkout\'s)')
  .option('--repeats <n>', 'repeats of each example after the first', '3')
  .option('--variants <n>', 'send, instead of each example, up to n new texts made from it (one leaf field left out each): edits the warm-up has not seen')
  .option('--cold', 'start the API with WARM_UP=false and start the clock once it is ready')
  .parse()
  .opts<{ url?: string; examples?: string; repeats: string; variants?: string; cold?: boolean }>();

const HOME = fileURLToPath(new URL('../.neo4j/first-use', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** `src/main.ts` in its own process; resolves once it has logged the end of its warm-up (cold: once it is ready). */
async function startApi(neo4j: Database['connection'], cold: boolean): Promise<{ url: string; child: ChildProcess; warmedIn: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, PORT: String(port), HOST: '127.0.0.1',
      LOG_LEVEL: 'info', LOG_FORMAT: 'json', SEED_ON_EMPTY: 'false', WARM_UP: cold ? 'false' : 'true',
      DB_MAX_CONCURRENT: '64', CLIENT_DB_MS_PER_SECOND: '0', METRICS_PORT: '0', QUERY_STATS: 'always' },
  });
  const warmedIn = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the API did not finish its warm-up within 600 s')), 600_000);
    child.once('exit', (code) => reject(new Error(`the API exited with code ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = cold ? /Ready in ([\d.]+s)/.exec(line) : /Query plans warmed in ([\d.]+s)/.exec(line);
      if (m) { clearTimeout(timer); resolve(cold ? `not warmed (ready in ${m[1]})` : m[1]!); }
    });
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child, warmedIn };
}

async function timed(url: string, query: string): Promise<{ ms: number; ok: boolean; plans: number }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: unknown[]; extensions?: { neo4j?: { plans?: number } } };
  return { ms: Math.round(performance.now() - started), ok: res.status === 200 && !body.errors, plans: body.extensions?.neo4j?.plans ?? 0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

let db: Database | undefined;
let api: ChildProcess | undefined;
try {
  let url = opts.url;
  let warmedIn = '(not measured: --url)';
  if (!url) {
    rmSync(HOME, { recursive: true, force: true });
    const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'true' });
    process.stdout.write('starting Neo4j and seeding... ');
    db = await openDatabase(config, createLogger('warn', 'json'), HOME);
    await prepareDatabase(db, config, createLogger('warn', 'json'));
    const started = await startApi(db.connection, Boolean(opts.cold));
    ({ url, warmedIn } = started);
    api = started.child;
    console.log(`API at ${url}, warm-up done in ${warmedIn}`);
  }
  const rows = [];
  const sent = opts.variants
    ? loadExamples(opts.examples).flatMap((e) => leafDrops(e.query, Number(opts.variants)).map((query, i) => ({ name: `${e.name} -${i + 1}`, query })))
    : loadExamples(opts.examples);
  for (const e of sent) {
    const first = await timed(url, e.query);
    const repeats = [];
    for (let i = 0; i < Number(opts.repeats); i++) repeats.push((await timed(url, e.query)).ms);
    rows.push({ example: e.name, 'first ms': first.ms, 'repeat ms (median)': median(repeats), 'plans at first': first.plans, ok: first.ok });
  }
  console.table(rows);
  const firsts = rows.map((r) => r['first ms']);
  const repeats = rows.map((r) => r['repeat ms (median)']);
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(0.95 * xs.length))]!;
  console.log(`first use: ${Math.min(...firsts)}-${Math.max(...firsts)} ms (median ${median(firsts)}, p95 ${p95(firsts)}); repeats: ${Math.min(...repeats)}-${Math.max(...repeats)} ms (median ${median(repeats)}, p95 ${p95(repeats)}); ${rows.length} texts (${rows.filter((r) => r['plans at first'] > 0).length} planned by Neo4j at their first use), ${rows.filter((r) => !r.ok).length} failed`);
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  const file = fileURLToPath(new URL(`./results/first-use-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
  writeFileSync(file, JSON.stringify({ url: opts.url ?? 'own server', cold: Boolean(opts.cold), variants: opts.variants ?? null, warmedIn, rows }, null, 2));
  console.log(`Figures written to ${file}`);
} finally {
  if (api && api.exitCode === null) {
    const exited = new Promise((r) => api!.once('exit', r));
    api.kill('SIGTERM');
    await exited;
  }
  await db?.close();
}
