/**
 * Fair scheduling across clients (issue 23; not a test of the suite): does one client's load slow
 * another client's cheap query? Two clients on loopback, each its own address (the server counts
 * clients by address): a loading client from 127.0.0.2, a cheap query from 127.0.0.3.
 *   npx tsx bench/fairness.ts                              # fair and unfair, alternating, 2 rounds
 *   npx tsx bench/fairness.ts --no-fair                    # only the "before" (no global bound, no budget)
 *   npx tsx bench/fairness.ts --slots 4 --rounds 3
 *   npx tsx bench/fairness.ts --planning                   # a stream of never-seen query shapes instead
 *   npx tsx bench/fairness.ts --incidents 10000 --reuse    # over curated seeds + 10k synthetic incidents
 * Each run starts `src/main.ts` in a child process (as `npm start` runs it, NODE_ENV=production,
 * QUERY_STATS=always so responses carry extensions.neo4j) on one local Neo4j under .neo4j/fairness,
 * with the run's settings, then:
 *   1. idle: the cheap query from 127.0.0.3, --n sequential requests: p50/p95;
 *   2. load: --workers concurrent loops from 127.0.0.2 (the heaviest neighbourhood query the cost
 *      limit allows, or with --planning a new query shape each time), --settle seconds first, then
 *      the cheap query --n times again; the loading client's throughput, statuses and 429s;
 *   3. the ratios load/idle of p50 and p95, and the settings (slots, per-client cap, nproc).
 * Runs alternate between configurations (A B A B ...), each on a fresh API process: the machine
 * is shared and noisy, so compare within a round. Writes bench/results/fairness-<date>.json.
 * Configurations: fair (the server's defaults, or --slots), fair-nobudget (the same without the
 * per-client Neo4j-time budget), unfair (DB_MAX_CONCURRENT=1000: 8 per client and no global bound
 * to speak of, CLIENT_DB_MS_PER_SECOND=0: no budget, as before the fair scheduler).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import {
  getNamedType, isInterfaceType, isLeafType, isNonNullType, isObjectType, parse, specifiedRules, validate,
  type GraphQLInterfaceType, type GraphQLObjectType, type GraphQLSchema,
} from 'graphql';
import { openDatabase, prepareDatabase, type Database } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { FairScheduler } from '../src/server/clientLimit.js';
import { COST_LIMIT, queryCost } from '../src/server/cost.js';
import { buildApiSchema } from '../src/server/executableSchema.js';
import { LIMITS, queryLimits } from '../src/server/limits.js';
import { generateGraph } from '../src/synthetic/load.js';
import { freePort } from '../src/local-neo4j/launch.js';

const program = new Command()
  .option('--rounds <n>', 'rounds; each runs every configuration once', '2')
  .option('--configs <list>', 'configurations, in the order each round runs them: fair, fair-nobudget, unfair', 'fair,unfair')
  .option('--no-fair', 'only the "before": --configs unfair')
  .option('--slots <n>', 'DB_MAX_CONCURRENT of the fair configurations (default: the server\'s own default)')
  .option('--n <n>', 'cheap requests per phase, sequential', '100')
  .option('--workers <n>', 'concurrent loops of the loading client', '10')
  .option('--settle <s>', 'seconds of load before the cheap requests under load start', '5')
  .option('--span <s>', 'spread each phase\'s cheap requests over at least this many seconds, one every span/n (0: back to back)', '0')
  .option('--ignore-retry-after', 'the loading client retries a 429 at once instead of waiting its Retry-After')
  .option('--planning', 'the loading client sends never-seen query shapes instead of the heaviest query')
  .option('--incidents <n>', 'synthetic incidents besides the curated seeds (0: seeds only)', '0')
  .option('--reuse', 'keep the graph under .neo4j/fairness when it holds the size asked for')
  .option('--cheap <query>', 'the cheap query', '{ company(id: "coupang") { name } }')
  .parse();
const opts = program.opts<{
  rounds: string; configs: string; fair: boolean; slots?: string; n: string; workers: string; settle: string; span: string;
  ignoreRetryAfter?: boolean; planning?: boolean; incidents: string; reuse?: boolean; cheap: string;
}>();

const HOME = fileURLToPath(new URL('../.neo4j/fairness', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HEAVY_FROM = '127.0.0.2';
const CHEAP_FROM = '127.0.0.3';
const N = Number(opts.n);
const WORKERS = Number(opts.workers);
const SETTLE_MS = Number(opts.settle) * 1000;
const INCIDENTS = Number(opts.incidents);
const configNames = opts.fair ? opts.configs.split(',').map((s) => s.trim()).filter(Boolean) : ['unfair'];
for (const c of configNames) if (!['fair', 'fair-nobudget', 'unfair'].includes(c)) program.error(`--configs: unknown configuration "${c}"`);

// ---------------------------------------------------------------------------------------------
// The queries

const schema = buildApiSchema();
const { validationRules, parseOptions } = queryLimits();

/** Why the server would refuse `text` before running it (its validation rules and cost), or null; and its cost. */
function refusal(text: string): { problem: string | null; cost: number } {
  let doc;
  try {
    doc = parse(text, parseOptions);
  } catch (e) {
    return { problem: (e as Error).message, cost: NaN };
  }
  const errors = validate(schema, doc, [...specifiedRules, ...validationRules]);
  if (errors.length) return { problem: errors.map((e) => e.message).join('; '), cost: NaN };
  const cost = queryCost(schema, doc, undefined, undefined);
  return { problem: cost > COST_LIMIT ? `cost ${cost} > ${COST_LIMIT}` : null, cost };
}

const NEIGHBOURHOOD = 'neighbourhood(id: "KR", depth: 3, limit: 1000) { nodes { id } relationships { type from to } }';
const heavyOf = (aliases: number) => `{ ${Array.from({ length: aliases }, (_, i) => `n${i}: ${NEIGHBOURHOOD}`).join(' ')} }`;
/** The most aliases of the neighbourhood (15 asked) that the server's limits let through. */
function heaviest(): { query: string; aliases: number; cost: number; costOf15: number; refusedAt15: string | null } {
  const at15 = refusal(heavyOf(15));
  for (let a = 15; a >= 1; a--) {
    const r = refusal(heavyOf(a));
    if (!r.problem) return { query: heavyOf(a), aliases: a, cost: r.cost, costOf15: at15.cost, refusedAt15: at15.problem };
  }
  throw new Error(`even one neighbourhood is refused: ${refusal(heavyOf(1)).problem}`);
}

/** mulberry32: a small seeded generator, so a run's shapes can be made again from its seed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHAPE_ROOTS: [string, string][] = [
  ['incident', 'coupang-breach-2025'], ['incident', 'skt-breach-2025'], ['company', 'coupang'],
  ['company', 'sk-telecom'], ['authority', 'pipc'], ['authority', 'ico'],
];

/**
 * Never-seen query shapes: a root by id and a random selection under it (each leaf with
 * probability 1/2, each related object less often the deeper it is), within the server's limits.
 * Every text is new for the whole invocation; different selections compile to different Cypher,
 * which each response's extensions.neo4j.plans confirms.
 */
class Shapes {
  readonly seen = new Set<string>();
  readonly rand: () => number;
  rejected = 0;
  constructor(readonly seed: number, readonly schema: GraphQLSchema) { this.rand = rng(seed); }

  next(): string {
    for (let attempt = 0; attempt < 200; attempt++) {
      const parts: string[] = [];
      const roots = 1 + Math.floor(this.rand() * 2);
      const joins = { n: 0 };
      for (let r = 0; r < roots; r++) {
        const [field, id] = SHAPE_ROOTS[Math.floor(this.rand() * SHAPE_ROOTS.length)]!;
        const type = getNamedType(this.schema.getQueryType()!.getFields()[field]!.type) as GraphQLObjectType;
        parts.push(`r${r}: ${field}(id: "${id}") ${this.selection(type, 1, joins)}`);
      }
      const text = `{ ${parts.join(' ')} }`;
      if (this.seen.has(text)) continue;
      if (refusal(text).problem) { this.rejected++; continue; }
      this.seen.add(text);
      return text;
    }
    throw new Error('no new shape within the limits in 200 attempts');
  }

  private selection(type: GraphQLObjectType | GraphQLInterfaceType, depth: number, joins: { n: number }): string {
    const out: string[] = [];
    for (const f of Object.values(type.getFields())) {
      if (f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const t = getNamedType(f.type);
      if (isLeafType(t)) {
        if (this.rand() < 0.5) out.push(f.name);
        continue;
      }
      if (!(isObjectType(t) || isInterfaceType(t)) || t.name === type.name || depth >= 4 || joins.n >= 40) continue;
      if (this.rand() < [0, 0.45, 0.3, 0.2][depth]!) {
        joins.n++;
        out.push(`${f.name} ${this.selection(t, depth + 1, joins)}`);
      }
    }
    if (out.length === 0) {
      const leaf = Object.values(type.getFields()).find((f) => isLeafType(getNamedType(f.type)) && f.args.length === 0);
      out.push(leaf ? leaf.name : '__typename');
    }
    return `{ ${out.join(' ')} }`;
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP from a chosen loopback address

interface Answer { status: number; ms: number; retryAfter?: number; body?: any; error?: string }

function post(url: URL, agent: Agent, from: string, query: string, timeoutMs = 120_000): Promise<Answer> {
  const body = JSON.stringify({ query });
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, localAddress: from, timeout: timeoutMs,
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
        const ms = performance.now() - started;
        let parsed: unknown;
        try { parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { parsed = undefined; }
        const ra = res.headers['retry-after'];
        resolve({ status: res.statusCode!, ms, body: parsed, ...(ra !== undefined ? { retryAfter: Number(ra) } : {}) });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`client timeout after ${timeoutMs} ms`)));
    req.on('error', (e) => resolve({ status: 0, ms: performance.now() - started, error: e.message }));
    req.end(body);
  });
}

const agentFor = (from: string, sockets: number) => new Agent({ keepAlive: true, maxSockets: sockets, localAddress: from } as never);

const pct = (xs: number[], p: number) => xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** dbMs: the Neo4j time the server counted for the request (extensions.neo4j), the rest of its time being the scheduler's wait, the event loop and HTTP. */
interface CheapFigures { p50: number; p95: number; max: number; failed: number; statuses: Record<string, number>; dbMsP50: number; dbMsP95: number }

async function cheapSeries(url: URL, agent: Agent, n: number): Promise<CheapFigures> {
  const times: number[] = [];
  const dbMs: number[] = [];
  const statuses: Record<string, number> = {};
  let failed = 0;
  const every = (Number(opts.span) * 1000) / n;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const due = t0 + i * every - performance.now();
    if (due > 0) await sleep(due);
    const a = await post(url, agent, CHEAP_FROM, opts.cheap, 60_000);
    const key = a.status === 0 ? `error: ${a.error}` : String(a.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (a.status !== 200 || a.body?.errors) failed++;
    times.push(a.ms);
    const d = a.body?.extensions?.neo4j?.dbMs;
    if (typeof d === 'number') dbMs.push(d);
  }
  return { p50: r1(pct(times, 50)), p95: r1(pct(times, 95)), max: r1(Math.max(...times)), failed, statuses, dbMsP50: r1(pct(dbMs, 50)), dbMsP95: r1(pct(dbMs, 95)) };
}

interface LoadFigures {
  seconds: number; requests: number; ok: number; okPerSecond: number; withErrors: number; errorCodes: Record<string, number>;
  rejected429: number; rejected429Budget: number; rejected429Queue: number; otherStatuses: Record<string, number>;
  okLatencyP50: number; okLatencyP95: number; dbMsP50: number; dbMsP95: number; dbMsMean: number; plansPerRequest: number;
  newShapes: number; unfinishedAtStop: number;
  /** The first failures (not 429) with their query, for a reproduction. */
  failures: { status: number; errors: unknown; query: string }[];
}

/** The loading client: `workers` loops from HEAVY_FROM until stop() resolves; each request's query from next(). */
function startLoad(url: URL, next: () => string, workers: number) {
  const agent = agentFor(HEAVY_FROM, workers);
  let stopping = false;
  const started = performance.now();
  const f = { requests: 0, ok: 0, withErrors: 0, r429: 0, r429budget: 0, r429queue: 0, other: {} as Record<string, number>, codes: {} as Record<string, number>, okMs: [] as number[], dbMs: [] as number[], plans: 0, inFlight: 0 };
  const failures: LoadFigures['failures'] = [];
  const loops = Array.from({ length: workers }, async () => {
    while (!stopping) {
      f.inFlight++;
      const query = next();
      const a = await post(url, agent, HEAVY_FROM, query);
      f.inFlight--;
      f.requests++;
      const neo = a.body?.extensions?.neo4j as { dbMs?: number; plans?: number } | undefined;
      if (neo?.dbMs !== undefined) f.dbMs.push(neo.dbMs);
      f.plans += neo?.plans ?? 0;
      if (a.status === 200 && !a.body?.errors) { f.ok++; f.okMs.push(a.ms); continue; }
      if (a.status === 429) {
        f.r429++;
        const msg = String(a.body?.errors?.[0]?.message ?? '');
        if (/share of database time/.test(msg)) f.r429budget++; else f.r429queue++;
        if (!opts.ignoreRetryAfter) {
          const until = performance.now() + (a.retryAfter ?? 1) * 1000;
          while (!stopping && performance.now() < until) await sleep(Math.min(100, until - performance.now()));
        }
        continue;
      }
      if (failures.length < 5) failures.push({ status: a.status, errors: a.body?.errors ?? a.error, query: query.slice(0, 4000) });
      if (a.status === 200 || a.status === 400) {
        f.withErrors++;
        for (const e of (a.body?.errors ?? []) as { extensions?: { code?: string } }[]) f.codes[e.extensions?.code ?? '?'] = (f.codes[e.extensions?.code ?? '?'] ?? 0) + 1;
      }
      const key = a.status === 0 ? `error: ${a.error}` : String(a.status);
      if (a.status !== 200) f.other[key] = (f.other[key] ?? 0) + 1;
      if (a.status === 0) await sleep(100);
    }
  });
  return {
    stop: async (): Promise<LoadFigures> => {
      stopping = true;
      const seconds = (performance.now() - started) / 1000;
      const unfinishedAtStop = f.inFlight;
      // Requests in flight finish (they are counted, but not in the throughput's time).
      const requestsAtStop = f.requests;
      const okAtStop = f.ok;
      await Promise.race([Promise.all(loops), sleep(90_000)]);
      agent.destroy();
      return {
        seconds: r1(seconds), requests: requestsAtStop, ok: okAtStop, okPerSecond: Math.round((okAtStop / seconds) * 100) / 100,
        withErrors: f.withErrors, errorCodes: f.codes, rejected429: f.r429, rejected429Budget: f.r429budget, rejected429Queue: f.r429queue,
        otherStatuses: f.other, okLatencyP50: r1(pct(f.okMs, 50)), okLatencyP95: r1(pct(f.okMs, 95)),
        dbMsP50: r1(pct(f.dbMs, 50)), dbMsP95: r1(pct(f.dbMs, 95)), dbMsMean: r1(f.dbMs.reduce((s, x) => s + x, 0) / (f.dbMs.length || 1)),
        plansPerRequest: r1(f.plans / (f.requests || 1)), newShapes: 0, unfinishedAtStop, failures,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The API under test

/** Each configuration's environment for the API; the bench reads the same through loadConfig to print what the server runs with. */
function envOf(config: string): Record<string, string> {
  if (config === 'unfair') return { DB_MAX_CONCURRENT: '1000', CLIENT_DB_MS_PER_SECOND: '0' };
  return { ...(opts.slots ? { DB_MAX_CONCURRENT: opts.slots } : {}), ...(config === 'fair-nobudget' ? { CLIENT_DB_MS_PER_SECOND: '0' } : {}) };
}

/** The bench's own variables of this name are not passed on: the configuration decides them. */
const SCHEDULER_VARS = ['DB_MAX_CONCURRENT', 'CLIENT_DB_MS_PER_SECOND', 'CLIENT_DB_BURST_MS', 'CLIENT_MAX_CONCURRENT', 'CLIENT_MAX_QUEUED'];
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of SCHEDULER_VARS) delete env[k];
  return env;
}

function settingsOf(config: string) {
  const c = loadConfig({ ...baseEnv(), ...envOf(config), NODE_ENV: 'production' });
  const cl = c.http.clientLimit;
  return {
    slots: cl.slots, perClient: new FairScheduler(cl).perClient, queue: cl.queue, concurrencySetting: cl.concurrency,
    dbMsPerSecond: cl.dbMsPerSecond, burstMs: cl.burstMs, nproc: availableParallelism(),
    planningAtOnce: Math.max(1, Math.floor(availableParallelism() / 2)),
    env: envOf(config),
  };
}

const fingerprint = () => Object.fromEntries(['src/server/clientLimit.ts', 'src/read/reader.ts', 'src/server/app.ts', 'src/config.ts']
  .map((f) => [f, createHash('sha1').update(readFileSync(`${ROOT}/${f}`)).digest('hex').slice(0, 10)]));

async function startApi(db: Database, config: string): Promise<{ url: URL; child: ChildProcess }> {
  const port = await freePort();
  // A local Neo4j that requires a login (its password in .neo4j/neo4j-password): the API finds it
  // through its store's bolt-uri file and logs in as src/bootstrap.ts does, with no password passed.
  const neo4jEnv = db.local && 'credentials' in db.local
    ? { NEO4J_URI: '', NEO4J_LOCAL_HOME: HOME }
    : { NEO4J_URI: db.local!.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...baseEnv(), ...envOf(config), NODE_ENV: 'production', ...neo4jEnv,
      PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOG_FORMAT: 'json', SEED_ON_EMPTY: 'false', WARM_UP: 'false',
      METRICS_PORT: '0', QUERY_STATS: 'always',
    },
  });
  const url = new URL(`http://127.0.0.1:${port}/graphql`);
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    const ok = await fetch(new URL('/health', url)).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await sleep(200);
  }
  child.kill('SIGTERM');
  throw new Error('the API did not answer /health within 120 s');
}

async function stopApi(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

// ---------------------------------------------------------------------------------------------
// The graph

async function openGraph(): Promise<Database> {
  const config = loadConfig({ ...baseEnv(), NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'true' });
  const log = createLogger('warn', 'json');
  const stamp = `${HOME}/.fairness-incidents`;
  const had = existsSync(stamp) ? Number(readFileSync(stamp, 'utf8')) : -1;
  const keep = opts.reuse && had === INCIDENTS;
  if (!keep) rmSync(HOME, { recursive: true, force: true });
  process.stdout.write(keep ? `reusing the graph under ${HOME} (${INCIDENTS} synthetic incidents)... ` : 'starting Neo4j and seeding... ');
  const db = await openDatabase(config, log, HOME);
  if (!keep) {
    await prepareDatabase(db, config, log);
    if (INCIDENTS > 0) {
      const t = performance.now();
      const r = await generateGraph(db.driver, config.neo4j.database, db.graph.queries, { incidents: INCIDENTS, seed: 1, batchSize: 2000, parallel: 2 });
      process.stdout.write(`${INCIDENTS} synthetic incidents (${r.nodesCreated} nodes) in ${((performance.now() - t) / 1000).toFixed(0)} s... `);
    }
    writeFileSync(stamp, String(INCIDENTS));
  }
  console.log(`Neo4j at ${db.local!.uri}`);
  return db;
}

// ---------------------------------------------------------------------------------------------
// One run: idle, then under load

interface Run {
  round: number; config: string; startedAt: string; heavyAlone?: { ms: number; dbMs: number; queries: number }; loadavgBefore: number[]; settings: ReturnType<typeof settingsOf>; code: Record<string, string>;
  idle: CheapFigures; load: CheapFigures; ratioP50: number; ratioP95: number; loader: LoadFigures;
}

async function oneRun(db: Database, round: number, config: string, heavy: string, shapes: Shapes | undefined): Promise<Run> {
  const settings = settingsOf(config);
  const startedAt = new Date().toISOString();
  const loadavgBefore = loadavg().map((x) => r1(x));
  const code = fingerprint();
  const { url, child } = await startApi(db, config);
  try {
    const cheapAgent = agentFor(CHEAP_FROM, 1);
    // Untimed: the process's first requests compile its code paths; the heavy query's plan is made once.
    for (let i = 0; i < 30; i++) await post(url, cheapAgent, CHEAP_FROM, opts.cheap);
    let heavyAlone: Run['heavyAlone'];
    if (!shapes) {
      const warm = agentFor(HEAVY_FROM, 1);
      for (let i = 0; i < 3; i++) {
        const a = await post(url, warm, HEAVY_FROM, heavy);
        if (a.status !== 200 || a.body?.errors) console.warn(`warning: the heavy query answers ${a.status} ${JSON.stringify(a.body?.errors ?? a.error).slice(0, 300)}`);
        const neo = a.body?.extensions?.neo4j as { dbMs?: number; queries?: number } | undefined;
        heavyAlone = { ms: r1(a.ms), dbMs: neo?.dbMs ?? NaN, queries: neo?.queries ?? NaN };
      }
      warm.destroy();
    }
    await sleep(1000);
    const idle = await cheapSeries(url, cheapAgent, N);
    const seenBefore = shapes?.seen.size ?? 0;
    const loader = startLoad(url, shapes ? () => shapes.next() : () => heavy, WORKERS);
    await sleep(SETTLE_MS);
    const load = await cheapSeries(url, cheapAgent, N);
    const loaderFigures = await loader.stop();
    if (shapes) loaderFigures.newShapes = shapes.seen.size - seenBefore;
    cheapAgent.destroy();
    const run: Run = {
      round, config, startedAt, heavyAlone, loadavgBefore, settings, code, idle, load, loader: loaderFigures,
      ratioP50: Math.round((load.p50 / idle.p50) * 100) / 100, ratioP95: Math.round((load.p95 / idle.p95) * 100) / 100,
    };
    print(run);
    return run;
  } finally {
    await stopApi(child);
  }
}

function print(r: Run): void {
  const s = r.settings;
  const l = r.loader;
  console.log(`\n-- round ${r.round}, ${r.config} (started ${r.startedAt}, load average before ${r.loadavgBefore.join(' ')})`);
  console.log(`   settings: slots ${s.slots}, per-client cap ${s.perClient}, queue ${s.queue}, budget ${s.dbMsPerSecond} ms/s burst ${s.burstMs} ms, nproc ${s.nproc}, planning at once ${s.planningAtOnce}; env ${JSON.stringify(s.env)}`);
  if (r.heavyAlone) console.log(`   heavy query alone (3rd of 3 untimed): ${r.heavyAlone.ms} ms, dbMs ${r.heavyAlone.dbMs} (summed over its ${r.heavyAlone.queries} Neo4j queries)`);
  console.log(`   cheap idle:       p50 ${r.idle.p50} ms, p95 ${r.idle.p95} ms, max ${r.idle.max} ms, failed ${r.idle.failed} ${JSON.stringify(r.idle.statuses)}; its dbMs p50 ${r.idle.dbMsP50}, p95 ${r.idle.dbMsP95}`);
  console.log(`   cheap under load: p50 ${r.load.p50} ms, p95 ${r.load.p95} ms, max ${r.load.max} ms, failed ${r.load.failed} ${JSON.stringify(r.load.statuses)}; its dbMs p50 ${r.load.dbMsP50}, p95 ${r.load.dbMsP95}`);
  console.log(`   ratio load/idle:  p50 ${r.ratioP50}x, p95 ${r.ratioP95}x`);
  console.log(`   loading client (${WORKERS} workers, ${l.seconds} s): ${l.requests} requests, ${l.ok} ok = ${l.okPerSecond}/s (latency p50 ${l.okLatencyP50} / p95 ${l.okLatencyP95} ms), `
    + `429: ${l.rejected429} (budget ${l.rejected429Budget}, queue ${l.rejected429Queue}), with errors ${l.withErrors} ${JSON.stringify(l.errorCodes)}, other ${JSON.stringify(l.otherStatuses)}, in flight at stop ${l.unfinishedAtStop}`);
  console.log(`   loading client's dbMs per request (all its requests, those ended after the phase too): p50 ${l.dbMsP50}, p95 ${l.dbMsP95}, mean ${l.dbMsMean}; plans per request ${l.plansPerRequest}${opts.planning ? `; new shapes sent ${l.newShapes}` : ''}`);
  for (const x of l.failures) console.log(`   loading client's failure: ${x.status} ${JSON.stringify(x.errors).slice(0, 600)}\n     query: ${x.query}`);
}

// ---------------------------------------------------------------------------------------------

const heavyInfo = heaviest();
const shapes = opts.planning ? new Shapes(Date.now() % 2 ** 31, schema) : undefined;
console.log(`mode: ${opts.planning ? 'planning (a new query shape per request from the loading client)' : 'heavy query'}; configurations per round: ${configNames.join(', ')}; rounds ${opts.rounds}; n ${N}; workers ${WORKERS}; settle ${opts.settle} s; span ${opts.span} s; 429: ${opts.ignoreRetryAfter ? 'retried at once' : 'Retry-After honoured'}`);
console.log(`cheap query from ${CHEAP_FROM}: ${opts.cheap}`);
if (shapes) {
  const sample = shapes.next();
  shapes.seen.delete(sample);
  console.log(`shapes: seed ${shapes.seed}; e.g. (${sample.length} chars, cost ${refusal(sample).cost}): ${sample.slice(0, 400)}${sample.length > 400 ? '...' : ''}`);
} else {
  console.log(`heavy query from ${HEAVY_FROM}: ${heavyInfo.aliases} aliases of ${NEIGHBOURHOOD}, cost ${heavyInfo.cost} (limit ${LIMITS.cost}); 15 aliases cost ${heavyInfo.costOf15}${heavyInfo.refusedAt15 ? ` and are refused (${heavyInfo.refusedAt15})` : ''}`);
}
console.log(`graph: curated seeds${INCIDENTS ? ` + ${INCIDENTS} synthetic incidents` : ' only'}; machine: ${availableParallelism()} cores, node ${process.version}`);

const runs: Run[] = [];
let db: Database | undefined;
try {
  db = await openGraph();
  for (let round = 1; round <= Number(opts.rounds); round++) {
    for (const config of configNames) runs.push(await oneRun(db, round, config, heavyInfo.query, shapes));
  }
} finally {
  await db?.close();
}

console.log('\n== summary (ms; ratio = under load / idle) ==');
console.table(runs.map((r) => ({
  round: r.round, config: r.config, slots: r.settings.slots, 'per client': r.settings.perClient,
  'idle p50': r.idle.p50, 'idle p95': r.idle.p95, 'load p50': r.load.p50, 'load p95': r.load.p95,
  'p50 x': r.ratioP50, 'p95 x': r.ratioP95, 'load dbMs p50': r.load.dbMsP50, 'loader ok/s': r.loader.okPerSecond, 'loader 429': r.loader.rejected429,
  'cheap failed': r.idle.failed + r.load.failed,
})));
for (const config of configNames) {
  const mine = runs.filter((r) => r.config === config);
  console.log(`${config}: p50 ratio ${mine.map((r) => r.ratioP50).join(', ')}; p95 ratio ${mine.map((r) => r.ratioP95).join(', ')}`);
}
mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
const file = fileURLToPath(new URL(`./results/fairness-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
writeFileSync(file, JSON.stringify({
  machine: `${process.platform} ${process.arch}, ${availableParallelism()} cores, node ${process.version}`,
  argv: process.argv.slice(2), mode: opts.planning ? 'planning' : 'heavy', cheap: opts.cheap,
  heavy: opts.planning ? undefined : { aliases: heavyInfo.aliases, cost: heavyInfo.cost }, shapesSeed: shapes?.seed,
  incidents: INCIDENTS, runs,
}, null, 2));
console.log(`Figures written to ${file}`);
