/**
 * What a curator's write costs (a benchmark, not a test of the suite; issue 24): `addEstimate` as
 * the server runs it (src/write/mutate.ts: one managed write transaction of cypher/write/
 * prepare, apply, refresh and nodes) against THE SAME WRITE by hand: one Cypher statement through
 * driver.executeQuery (a managed write transaction) that creates the estimate with its
 * HAS_ESTIMATE and SOURCED_FROM links, the (:Change) with the same properties (the JSON text of the
 * properties and links, the actor, the time...) and its CHANGED and CITED links, and chooses the
 * incident's best values again (the best-values block of seeds/99-derived-values.cypher, for that
 * one incident). Before timing, one write of each on twin incidents checks that both leave the
 * same graph (the estimate's properties and links, the Change, the incident's best values).
 *
 * The API is measured twice: in-process through graphql() (the schema, the resolver, the write;
 * no HTTP), and over HTTP against a server process started here (src/main.ts, NODE_ENV=production,
 * a development curator token from `npm run token`). Sequential writes, interleaved request by
 * request in a rotating order, give p50/p95; then `--concurrency` writers at once give mutations/s
 * (`--rounds` runs per side, rotating order; the median is shown). Each side writes to its own
 * `--incidents` incidents in turn (a typical incident has a few estimates, not hundreds). The
 * in-process writes are also timed per statement (prepare, apply, refresh, nodes, and BEGIN/COMMIT);
 * then one more write's statements, with its parameters, run 50 times in transactions that are
 * rolled back (Neo4j's time, the round trip) and once with PROFILE (db hits); the hand-written one too.
 *
 *   npx tsx bench/mutations.ts [--count 200] [--concurrency 8] [--rounds 2] [--incidents 50] [--no-http]
 *
 * Uses the Neo4j of the configuration (NEO4J_URI..., or the local one `npm start` uses, started or
 * reused). Writes only nodes whose ids start with its run prefix ("bench-mutations-<hex>"), and
 * the Change nodes that point at them; removes all of them at the end.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { graphql } from 'graphql';
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { openDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { freePort } from '../src/local-neo4j/launch.js';
import type { Context } from '../src/read/context.js';
import { createContext } from '../src/server/context.js';
import { buildApiSchema } from '../src/server/executableSchema.js';

const opts = new Command()
  .option('--count <n>', 'sequential writes of each side (after 20 untimed), and writes per throughput run', '200')
  .option('--concurrency <n>', 'writers at once for mutations/s', '8')
  .option('--rounds <n>', 'throughput runs per side (rotating order; the median is shown)', '2')
  .option('--incidents <n>', 'incidents each side writes to, in turn', '50')
  .option('--shared-source', 'every write cites one source (by default each incident has its own: concurrent writes then share no node)')
  .option('--no-http', 'skip the HTTP side (no server process)')
  .parse()
  .opts<{ count: string; concurrency: string; rounds: string; incidents: string; http: boolean; sharedSource?: boolean }>();
const COUNT = Number(opts.count);
const CONCURRENCY = Number(opts.concurrency);
const ROUNDS = Number(opts.rounds);
const INCIDENTS = Number(opts.incidents);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

const log = createLogger('warn', 'json');
const config = loadConfig(process.env);
const db = await openDatabase(config, log);
const { driver } = db.graph;
const database = config.neo4j.database;
const run = `bench-mutations-${randomBytes(3).toString('hex')}`;
const SHARED_SOURCE = `${run}-source`;
/** The source a write to this incident cites. */
const sourceOf = (incident: string) => (opts.sharedSource ? SHARED_SOURCE : `${incident}-source`);
const actor = { subject: 'bench', role: 'curator' as const, via: 'jwt' as const, tokenId: run };
const schema = buildApiSchema();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// The hand-written write: one statement, as a Cypher expert would write it.

/** The best-values block of seeds/99-derived-values.cypher (from `CALL (i) {` to its `}`), for one incident. */
const BEST_VALUES = (() => {
  const seed = readFileSync(`${ROOT}/seeds/99-derived-values.cypher`, 'utf8');
  const start = seed.indexOf('CALL (i) {\n  UNWIND [[\'AFFECTED\'');
  const end = seed.indexOf('} IN CONCURRENT TRANSACTIONS', start);
  if (start < 0 || end < 0) throw new Error('the best-values block of seeds/99-derived-values.cypher was not found');
  return `${seed.slice(start, end)}}`;
})();

const HAND = `MATCH (i:Incident {id: $incident}), (s:Source {id: $source})
CREATE (e:Estimate:Entity {id: $id})
SET e += $props, e.version = 0
CREATE (i)-[:HAS_ESTIMATE]->(e)
CREATE (e)-[:SOURCED_FROM {claim: 'general', about: []}]->(s)
CREATE (c:Change)
SET c = $change
CREATE (c)-[:CHANGED]->(e), (c)-[:CHANGED]->(i), (c)-[:CITED]->(s)
WITH i, e, c
${BEST_VALUES}
RETURN e {.*} AS estimate, c.id AS change`;

/** The estimate's properties and the Change's, as the API's addEstimate makes them (src/modules/incident/mutations.ts, src/write/change.ts). */
function handParams(incident: string, value: number) {
  const source = sourceOf(incident);
  const id = `${run}-hand-estimate-${randomUUID()}`;
  const props = { metric: 'AFFECTED', value, qualifier: 'UNQUALIFIED', unit: 'accounts', isBest: false };
  const change = {
    id: `change-${randomUUID()}`, at: new Date().toISOString(), operation: 'ADD_ESTIMATE',
    actorSubject: actor.subject, actorRole: actor.role, actorTokenId: actor.tokenId, requestId: null,
    properties: JSON.stringify(Object.entries(props).map(([property, after]) => ({ entity: id, property, before: null, after }))),
    links: JSON.stringify([
      { from: incident, type: 'HAS_ESTIMATE', to: id, before: null, after: {} },
      { from: id, type: 'SOURCED_FROM', to: source, before: null, after: { claim: 'general', about: [] } },
    ]),
    created: [id], reason: null, revertOf: null,
  };
  return { incident, source, id, props: { ...props, value: neo4j.int(value) }, change };
}

// ---------------------------------------------------------------------------------------------
// The API in-process, with its statements timed.

const ADD = 'mutation($input: AddEstimateInput!) { addEstimate(input: $input) { estimate { id value isBest } change { id } } }';
const addInput = (incident: string, value: number) => ({ input: { incident, metric: 'AFFECTED', value, unit: 'accounts', sources: [{ id: sourceOf(incident) }] } });

type Step = { name: string; params: Record<string, unknown>; ms: number };
/** Per in-process write: each statement's time, the transaction's, the whole graphql() call's. */
const profiles: { steps: Step[]; txMs: number; totalMs: number }[] = [];
let current: { steps: Step[]; txMs: number } | null = null;
let rollBack = false;
class RolledBack extends Error {}

const write: Context['write'] = {
  transaction: (name, work, stats, metadata) => {
    const t0 = performance.now();
    const steps: Step[] = [];
    return db.graph.transaction(name, async (runQuery) => {
      steps.length = 0; // a retried transaction starts again
      const out = await work(async (query, params = {}) => {
        const t = performance.now();
        const rows = await runQuery(query, params);
        steps.push({ name: typeof query === 'string' ? query : query.name, params, ms: performance.now() - t });
        return rows as never;
      });
      if (rollBack) throw new RolledBack();
      return out;
    }, stats, metadata).finally(() => { current = { steps: [...steps], txMs: performance.now() - t0 }; });
  },
};

async function viaApi(incident: string, value: number): Promise<string> {
  const t = performance.now();
  current = null;
  const r = await graphql({ schema, source: ADD, variableValues: addInput(incident, value), contextValue: { ...createContext(db.graph), actor, write } });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  if (current) profiles.push({ ...(current as { steps: Step[]; txMs: number }), totalMs: performance.now() - t });
  return (r.data as { addEstimate: { estimate: { id: string } } }).addEstimate.estimate.id;
}

async function byHand(incident: string, value: number): Promise<string> {
  const p = handParams(incident, value);
  const { records } = await driver.executeQuery(HAND, p, { database });
  if (records.length !== 1) throw new Error('the hand-written write wrote nothing');
  return p.id;
}

// ---------------------------------------------------------------------------------------------
// The API over HTTP: a server process, as `npm start` runs it.

let server: ChildProcess | undefined;
async function startServer(): Promise<{ url: string; token: string }> {
  const port = await freePort();
  const env = {
    ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOG_FORMAT: 'json',
    WARM_UP: 'false', METRICS_PORT: '0',
    // One client (this bench) with --concurrency writers: the scheduler lets them all run (as the
    // driver side does), and no per-client Neo4j-time budget.
    DB_MAX_CONCURRENT: String(CONCURRENCY), CLIENT_MAX_CONCURRENT: String(Math.max(8, CONCURRENCY)), CLIENT_DB_MS_PER_SECOND: '0',
  };
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/token.ts', '--role', 'curator', '--subject', 'bench'], { cwd: ROOT, env, encoding: 'utf8' });
  const token = out.trim().split('\n').at(-1)!.trim();
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`the API exited with code ${server.exitCode}`);
    if (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false)) return { url, token };
    await sleep(200);
  }
  throw new Error('the API did not answer /health within 120 s');
}
async function stopServer(): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server!.once('exit', r));
  server.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
  if (server.exitCode === null) server.kill('SIGKILL');
}

let http: { url: string; token: string } | undefined;
async function viaHttp(incident: string, value: number): Promise<string> {
  const res = await fetch(http!.url, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${http!.token}` },
    body: JSON.stringify({ query: ADD, variables: addInput(incident, value) }),
  });
  const body = await res.json() as { data?: { addEstimate: { estimate: { id: string } } }; errors?: unknown };
  if (!res.ok || body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body)}`);
  return body.data!.addEstimate.estimate.id;
}

// ---------------------------------------------------------------------------------------------
// Equal graph state

const plain = (v: unknown): unknown => {
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, plain(x)]));
  return v;
};

async function stateOf(incident: string, estimate: string): Promise<unknown> {
  const { records } = await driver.executeQuery(`MATCH (i:Incident {id: $incident})-[:HAS_ESTIMATE]->(e:Estimate {id: $estimate})
    RETURN properties(e) AS estimate, labels(e) AS labels,
      [k IN keys(i) WHERE k STARTS WITH 'accounts' OR k STARTS WITH 'records' OR k STARTS WITH 'people' OR k STARTS WITH 'sort' | [k, i[k]]] AS incident,
      [(e)-[r]-(o) | {type: type(r), out: startNode(r) = e, other: coalesce(o.id, ''), otherLabels: labels(o), props: properties(r)}] AS links,
      [(c:Change)-[:CHANGED]->(e) | c {.*, changed: [(c)-[:CHANGED]->(n) | n.id], cited: [(c)-[:CITED]->(s) | s.id]}] AS changes`,
  { incident, estimate }, { database });
  const r = records[0]!.toObject();
  let text = JSON.stringify(plain(r));
  const change = (r.changes as { id: string }[])[0]?.id ?? 'none';
  for (const [from, to] of [[estimate, 'ESTIMATE'], [sourceOf(incident), 'SOURCE'], [incident, 'INCIDENT'], [change, 'CHANGE']] as const) text = text.split(from).join(to);
  const o = JSON.parse(text) as { links: { other: string }[]; changes: Record<string, unknown>[]; incident: [string, unknown][] };
  o.links.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  for (const c of o.changes) { delete c.at; (c.changed as string[]).sort(); }
  o.incident.sort(([a], [b]) => a.localeCompare(b));
  return o;
}

// ---------------------------------------------------------------------------------------------
// PROFILE of each statement (db hits), in a transaction rolled back

const dbHits = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((s, c) => s + dbHits(c), 0);

/**
 * Each statement's server-side time (Neo4j's resultAvailableAfter + resultConsumedAfter) and round
 * trip, over `reps` transactions that are rolled back (so no COMMIT), then once with PROFILE (db hits).
 */
async function profileStatements(steps: { name: string; text: string; params: Record<string, unknown> }[], reps: number) {
  const out = steps.map((s) => ({ name: s.name, dbHits: 0, serverMs: [] as number[], clientMs: [] as number[] }));
  for (let rep = 0; rep <= reps; rep++) {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    const tx = await session.beginTransaction();
    try {
      for (const [k, s] of steps.entries()) {
        const t = performance.now();
        const r = await tx.run(rep === reps ? `PROFILE ${s.text}` : s.text, s.params);
        const ms = performance.now() - t;
        if (rep === reps) { out[k]!.dbHits = dbHits(r.summary.profile as ProfiledPlan); continue; }
        out[k]!.clientMs.push(ms);
        out[k]!.serverMs.push(neo4j.integer.toNumber(r.summary.resultAvailableAfter) + neo4j.integer.toNumber(r.summary.resultConsumedAfter));
      }
    } finally {
      await tx.rollback();
      await session.close();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

const q = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]!; };
const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

interface Side { key: string; name: string; write: (incident: string, value: number) => Promise<string>; incidents: string[]; times: number[]; perSecond: number[] }
let value = 1000;

try {
  const sides: Side[] = [
    { key: 'api', name: 'API in-process (graphql())', write: viaApi, incidents: [], times: [], perSecond: [] },
    ...(opts.http ? [{ key: 'http', name: 'API over HTTP (server process)', write: viaHttp, incidents: [], times: [], perSecond: [] }] : []),
    { key: 'hand', name: 'hand-written Cypher (executeQuery)', write: byHand, incidents: [], times: [], perSecond: [] },
  ];
  for (const s of sides) s.incidents = Array.from({ length: INCIDENTS }, (_, k) => `${run}-${s.key}-incident-${k}`);
  await driver.executeQuery(`UNWIND $incidents AS id
    CREATE (:Incident:Entity {id: id, title: id, kind: 'OTHER'})`,
  { incidents: [...sides.flatMap((s) => s.incidents), `${run}-twin-api`, `${run}-twin-hand`] }, { database });
  const incidents = [...sides.flatMap((s) => s.incidents), `${run}-twin-api`, `${run}-twin-hand`];
  await driver.executeQuery(`CREATE (p:Publisher:Entity {id: $publisher, name: $publisher, aliases: []})
    WITH p UNWIND $sources AS source
    CREATE (:Source:Entity {id: source, kind: 'OTHER', url: 'https://bench.invalid/' + source})-[:PUBLISHED_BY]->(p)`,
  { sources: [...new Set(incidents.map(sourceOf))], publisher: `${run}-publisher` }, { database });

  // Plans first (a cold Neo4j can take longer to plan refresh.cypher than a write's time budget).
  for (const text of [...['write/prepare', 'write/apply+write/refresh'].map((n) => db.graph.queries.get(n)), HAND]) {
    await driver.executeQuery(`EXPLAIN ${text}`, {}, { database });
  }

  // The same graph from both: one write each on twin incidents, the same figure.
  const a = await stateOf(`${run}-twin-api`, await viaApi(`${run}-twin-api`, 4242));
  const h = await stateOf(`${run}-twin-hand`, await byHand(`${run}-twin-hand`, 4242));
  if (JSON.stringify(a) !== JSON.stringify(h)) {
    console.error(`The two writes leave different graphs:\n API  ${JSON.stringify(a)}\n hand ${JSON.stringify(h)}`);
    process.exitCode = 1;
    throw new Error('different graph state');
  }
  console.log('Same graph state after one write each (estimate properties and links, Change and its links, incident best values): yes');
  profiles.length = 0;

  if (opts.http) http = await startServer();

  // Sequential: 20 untimed, then COUNT timed, interleaved request by request, rotating order.
  const next = (s: Side, i: number) => s.incidents[i % INCIDENTS]!;
  for (let i = 0; i < 20 + COUNT; i++) {
    for (let k = 0; k < sides.length; k++) {
      const s = sides[(i + k) % sides.length]!;
      const t = performance.now();
      await s.write(next(s, i), ++value);
      if (i >= 20) s.times.push(performance.now() - t);
    }
  }
  const sequentialProfiles = profiles.slice(-COUNT);

  // Throughput: CONCURRENCY writers, COUNT writes per run, ROUNDS runs per side in rotating order.
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < sides.length; k++) {
      const s = sides[(r + k) % sides.length]!;
      let issued = 0;
      const started = performance.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
        while (issued < COUNT) { const i = issued++; await s.write(next(s, i), ++value); }
      }));
      s.perSecond.push(COUNT / ((performance.now() - started) / 1000));
    }
  }

  // One more API write, rolled back, to PROFILE its statements with the parameters it used.
  rollBack = true;
  await viaApi(sides[0]!.incidents[0]!, ++value).catch(() => {});
  rollBack = false;
  const captured = (current as { steps: Step[] } | null)?.steps ?? [];
  const text = (name: string) => db.graph.queries.get(name);
  const apiPlan = await profileStatements(captured.map((s) => ({ name: s.name, text: text(s.name), params: s.params })), 50);
  const handPlan = await profileStatements([{ name: 'hand-written', text: HAND, params: handParams(sides[0]!.incidents[0]!, ++value) }], 50);

  // ------------------------------------------------------------------------------------------
  const hand = sides.find((s) => s.key === 'hand')!;
  const median = (xs: number[]) => { const t = [...xs].sort((x, y) => x - y); const m = t.length >> 1; return t.length % 2 ? t[m]! : (t[m - 1]! + t[m]!) / 2; };
  const rows = sides.map((s) => ({
    side: s.name, p50: q(s.times, 0.5), p95: q(s.times, 0.95), perSecond: median(s.perSecond), rounds: s.perSecond,
  }));
  const handRow = rows.find((r) => r.side === hand.name)!;
  console.log(`\n${COUNT} sequential writes per side (after 20 untimed, interleaved), then ${ROUNDS} x ${COUNT} writes with ${CONCURRENCY} writers at once; ${INCIDENTS} incidents per side, ${opts.sharedSource ? 'one source for all' : 'a source per incident'}; run ${run}\n`);
  console.log('| side | p50 ms | p95 ms | p50 ÷ hand-written | mutations/s (runs) | mutations/s ÷ hand-written |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.side} | ${f(r.p50)} | ${f(r.p95)} | ${(r.p50 / handRow.p50).toFixed(2)}x | ${f(r.perSecond)} (${r.rounds.map(f).join(', ')}) | ${(r.perSecond / handRow.perSecond).toFixed(2)}x |`);
  }

  const names = ['write/prepare', 'write/apply+write/refresh'];
  const stepMs = (p: { steps: Step[] }, n: string) => p.steps.filter((s) => s.name === n).reduce((t, s) => t + s.ms, 0);
  const profileRows = [
    ...names.map((n) => ({ part: n, ms: sequentialProfiles.map((p) => stepMs(p, n)) })),
    { part: 'transaction: session, BEGIN, COMMIT (tx - statements)', ms: sequentialProfiles.map((p) => p.txMs - p.steps.reduce((t, s) => t + s.ms, 0)) },
    { part: 'GraphQL, resolver, changeset (graphql() - tx)', ms: sequentialProfiles.map((p) => p.totalMs - p.txMs) },
    { part: 'whole graphql() call', ms: sequentialProfiles.map((p) => p.totalMs) },
  ];
  console.log(`\nWhere the in-process API write's time goes (${sequentialProfiles.length} sequential writes; client-side times, each statement's round trip included):\n`);
  console.log('| part | p50 ms | mean ms | share of the mean whole | Neo4j time p50 ms (rolled back, 50x) | round trip p50 ms (same) | db hits (PROFILE, once) |');
  console.log('|---|---|---|---|---|---|---|');
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanWhole = mean(profileRows.at(-1)!.ms);
  for (const r of profileRows) {
    const plan = apiPlan.find((p) => p.name === r.part);
    console.log(`| ${r.part} | ${f(median(r.ms))} | ${f(mean(r.ms))} | ${(100 * mean(r.ms) / meanWhole).toFixed(0)}% | ${plan ? f(median(plan.serverMs)) : ''} | ${plan ? f(median(plan.clientMs)) : ''} | ${plan ? plan.dbHits : ''} |`);
  }
  const hp = handPlan[0]!;
  console.log(`| hand-written statement (its statement alone, for comparison) | | | | ${f(median(hp.serverMs))} | ${f(median(hp.clientMs))} | ${hp.dbHits} |`);

  mkdirSync(`${ROOT}/bench/results`, { recursive: true });
  const file = `${ROOT}/bench/results/mutations-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ run, sharedSource: Boolean(opts.sharedSource), count: COUNT, concurrency: CONCURRENCY, rounds: ROUNDS, incidents: INCIDENTS, rows,
    profile: profileRows.map((r) => ({ part: r.part, p50: median(r.ms), mean: mean(r.ms) })), apiPlan, handPlan }, null, 2));
  console.log(`\n${file}`);
} finally {
  await stopServer();
  // Everything of this run: its nodes, the Changes that point at them (and their idempotency keys, if any).
  await driver.executeQuery(`MATCH (n) WHERE n.id STARTS WITH $run
    OPTIONAL MATCH (n)<-[:CHANGED|CITED]-(c:Change)
    OPTIONAL MATCH (k:IdempotencyKey) WHERE k.change = c.id
    DETACH DELETE n, c, k`, { run }, { database });
  await db.close();
}
