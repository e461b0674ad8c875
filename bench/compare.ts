/**
 * Side-by-side benchmark (issue 7), not a test: the same questions asked of this API, of
 * @neo4j/graphql (Neo4j's general-purpose library) and of one hand-written Cypher query each,
 * over one Neo4j holding the curated seeds plus N synthetic incidents.
 *   npm run compare -- --sizes 10000,100000
 * For each size and query kind it checks that the three answers agree (after normalise.ts),
 * then warms every server under load (untimed autocannon runs: a Neo4j just started, which
 * --reuse and a fresh load both give, takes minutes of this 2-core machine to compile its hot
 * paths, and a cold JVM would be timed instead of the servers), then times each server over
 * HTTP: sequential p50/p95, and throughput with autocannon (10 connections, a fixed number of
 * requests sized to take about --duration seconds). Servers are interleaved (request by request, and run by run under load, rotating
 * the order) so that the noise of a shared machine falls on all three alike. For issue 25 it also
 * times new texts (the query with one leaf left out) at their first use against their repeats,
 * and reads each process's CPU time around the load runs (CPU ms per request). Prints a markdown
 * table for bench/README.md and writes JSON to bench/results/. Exit code 1 when an answer disagrees
 * or a request fails. Uses its own Neo4j under .neo4j/compare (or BENCH_NEO4J_URI, which it clears).
 * Each server runs in a process of its own (compare/serve.ts); this one loads and measures.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import neo4j, { type Driver } from 'neo4j-driver';
import { openDatabase, prepareDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { generateGraph } from '../src/synthetic/load.js';
import { createLogger } from '../src/logger.js';
import { kinds, type Kind, type KindParams } from './compare/kinds.js';
import { startChild } from './compare/children.js';
import { autocannon, percentile, post, type Answer, type Target } from './compare/measure.js';
import { cpuMs } from './compare/cpu.js';
import { leafDrops } from './compare/variants.js';
import { canon, countObjects, firstDifference, type Json } from './compare/normalise.js';
import { consoleRows, costTable, firstUseMet, markdownTable, meetsBar, meetsIssue25, type FirstUse, type KindFigures, type ServerName } from './compare/report.js';

const opts = new Command()
  .option('--sizes <list>', 'synthetic incident counts', '10000,100000')
  .option('--iterations <n>', 'timed sequential requests per kind and server', '40')
  .option('--warmup <n>', 'untimed requests per kind and server first', '10')
  .option('--duration <s>', 'seconds each autocannon run aims at (its request count is sized from earlier figures)', '5')
  .option('--rounds <n>', 'autocannon runs per kind and server (interleaved)', '3')
  .option('--warm <s>', 'seconds of untimed load per kind and server before any timing (in two interleaved runs)', '15')
  .option('--connections <n>', 'autocannon connections', '10')
  .option('--kinds <list>', 'only these kinds (keys, comma-separated)')
  .option('--variants <n>', 'first use: new texts per kind and server (the query with one leaf field left out), 0 for none', '8')
  .option('--repeats <n>', 'first use: repeats of each new text after its first request', '3')
  .option('--reuse', 'keep the local graph under .neo4j/compare when it already holds this size (skips the load; trusts the curated data it finds)')
  .parse()
  .opts<{ sizes: string; iterations: string; warmup: string; duration: string; rounds: string; warm: string; connections: string; kinds?: string; variants: string; repeats: string; reuse?: boolean }>();
const sizes = opts.sizes.split(',').map(Number);
const [iterations, warmup, duration, rounds, warm, connections] = [opts.iterations, opts.warmup, opts.duration, opts.rounds, opts.warm, opts.connections].map(Number) as [number, number, number, number, number, number];
const [variantsPerKind, repeats] = [Number(opts.variants), Number(opts.repeats)];
const HOME = fileURLToPath(new URL('../.neo4j/compare', import.meta.url));
const SERVERS: ServerName[] = ['api', 'lib', 'cypher'];
const LABEL: Record<ServerName, string> = { api: 'this API', lib: '@neo4j/graphql', cypher: 'hand-written Cypher' };
/** The installed @neo4j/graphql (its exports hide package.json: found from its entry point). */
const libEntry = createRequire(import.meta.url).resolve('@neo4j/graphql');
const libPackage = `${libEntry.slice(0, libEntry.lastIndexOf('/node_modules/@neo4j/graphql/'))}/node_modules/@neo4j/graphql/package.json`;
const libVersion = (JSON.parse(readFileSync(libPackage, 'utf8')) as { version: string }).version;
/** A synthetic incident present at any size above 42 (kinds 1 and 3). */
const SYNTHETIC_INCIDENT = 'syn-incident-0000042';
const FINE_THRESHOLD = { currency: 'KRW', minAmount: '1000000000' };

const failed = (a: Answer) => a.status !== 200 || Boolean(a.body.errors?.length);
const canonical = (kind: Kind, server: ServerName, a: Answer): Json => {
  const data = a.body.data;
  if (server === 'cypher') return canon(kind.pickCypher(data as unknown[]), kind.ordered);
  return canon(server === 'api' ? kind.pickApi(data as Record<string, unknown>) : kind.pickLib(data as Record<string, unknown>), kind.ordered);
};

const setupQuery = (name: string) => readFileSync(fileURLToPath(new URL(`./compare/cypher/setup/${name}.cypher`, import.meta.url)), 'utf8');

async function holdsSize(driver: Driver, database: string, size: number): Promise<boolean> {
  const { records } = await driver.executeQuery(setupQuery('holds-size'), { size: neo4j.int(size) }, { database });
  return records[0]?.get('holds') === true;
}

async function graphSize(driver: Driver, database: string): Promise<{ nodes: number; relationships: number }> {
  const { records } = await driver.executeQuery(setupQuery('graph-size'), {}, { database });
  return records[0]!.toObject() as { nodes: number; relationships: number };
}

let problems = 0;
const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  const external = process.env.BENCH_NEO4J_URI;
  if (!external && !opts.reuse) rmSync(HOME, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, NEO4J_URI: external ?? '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn' });
  const log = createLogger('warn');
  const db = await openDatabase(config, log, HOME);
  const database = config.neo4j.database;
  if (external) await db.driver.executeQuery('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS', {}, { database });
  await prepareDatabase(db, config, log);
  process.stdout.write(`\n== ${size.toLocaleString('en-US')} synthetic incidents ==\n`);
  let loaded: { nodes: number; relationships: number; seconds: number } | null = null;
  if (opts.reuse && !external && await holdsSize(db.driver, database, size)) {
    console.log('reusing the graph under .neo4j/compare: it holds this size, derived values included');
  } else {
    process.stdout.write('loading... ');
    const gen = await generateGraph(db.driver, database, db.graph.queries, { incidents: size, seed: 1, batchSize: 2000 },
      (n) => { if (n % 20000 === 0) process.stdout.write(`${n} `); });
    loaded = { nodes: gen.nodesCreated, relationships: gen.relationshipsCreated, seconds: gen.seconds };
    console.log(`\nload: ${loaded.nodes.toLocaleString('en-US')} synthetic nodes, ${loaded.relationships.toLocaleString('en-US')} relationships in ${loaded.seconds.toFixed(1)} s`);
  }
  const graph = await graphSize(db.driver, database);
  console.log(`graph: ${graph.nodes.toLocaleString('en-US')} nodes, ${graph.relationships.toLocaleString('en-US')} relationships`);

  const picked = (await db.driver.executeQuery(setupQuery('params'), {}, { database })).records[0]!.toObject() as { company: string; authority: string };
  const params: KindParams = { incident: SYNTHETIC_INCIDENT, ...picked, ...FINE_THRESHOLD };
  const selected = kinds(params).filter((k) => !opts.kinds || opts.kinds.split(',').includes(k.key));

  // Each server in a process of its own (bench/compare/serve.ts), as each would be deployed.
  const bolt = db.connection.uri;
  // The children (bench/compare/serve.ts) log in as this process does: the local Neo4j's password, or NEO4J_USER/NEO4J_PASSWORD.
  process.env.NEO4J_USER = db.connection.user;
  process.env.NEO4J_PASSWORD = db.connection.password;
  const [api, lib, cypher] = await Promise.all((['api', 'lib', 'cypher'] as const).map((s) => startChild(s, bolt, database)));
  const busy: Record<ServerName, { idle(): Promise<number> }> = { api: api!, lib: lib!, cypher: cypher! };
  const pids: Record<ServerName, number | undefined> = { api: api!.pid, lib: lib!.pid, cypher: cypher!.pid };
  // Neo4j's process when this benchmark started it (not with BENCH_NEO4J_URI): its CPU per request too.
  const neo4jPid = db.local?.pid;
  const targets = (k: Kind): Record<ServerName, Target> => ({
    api: { url: api!.url, body: JSON.stringify(k.api) },
    lib: { url: lib!.url, body: JSON.stringify(k.lib) },
    cypher: { url: cypher!.url, body: JSON.stringify({ query: k.cypher.file, params: k.cypher.params }) },
  });

  // 1. The three answers must agree, else the timings compare different work.
  const agreement = new Map<string, { agree: boolean; objects: number }>();
  for (const k of selected) {
    const t = targets(k);
    const answers = {} as Record<ServerName, Answer>;
    for (const s of SERVERS) answers[s] = await post(t[s]);
    const broken = SERVERS.filter((s) => failed(answers[s]));
    let agree = broken.length === 0;
    let objects = 0;
    if (agree) {
      const [a, l, c] = SERVERS.map((s) => canonical(k, s, answers[s])) as [Json, Json, Json];
      objects = countObjects(c);
      for (const [name, x] of [['this API', a], ['@neo4j/graphql', l]] as const) {
        const d = firstDifference(x, c);
        if (d) { agree = false; console.log(`DISAGREE ${k.key}: ${name} vs hand-written Cypher at ${d}`); }
      }
      if (agree && objects === 0) { agree = false; console.log(`EMPTY ${k.key}: all three answer nothing, so this kind measures nothing`); }
    }
    for (const s of broken) console.log(`FAILED ${k.key} on ${LABEL[s]} (HTTP ${answers[s].status}): ${JSON.stringify(answers[s].body.errors ?? answers[s].body).slice(0, 400)}`);
    if (!agree) problems++;
    agreement.set(k.key, { agree, objects });
    console.log(`${agree ? 'agree   ' : 'MISMATCH'} ${k.key}: ${objects} objects`);
  }

  // 2. Warm-up under load, untimed: the JVM of a Neo4j just started, and Node's, compile their
  // hot paths under it (measured: a fresh Neo4j's throughput for one kind rose 50 -> 134 req/s
  // over six 5 s runs). Each run is sized from the one before it to take about half of --warm.
  const warmRate = new Map<string, number>();
  for (let r = 0; r < 2 && warm > 0; r++) {
    for (const k of selected) {
      const t = targets(k);
      for (const s of SERVERS) {
        const rate = warmRate.get(`${k.key} ${s}`) ?? 20;
        const x = await autocannon(t[s], connections, Math.min(20_000, Math.max(2 * connections, Math.round((warm / 2) * rate))));
        warmRate.set(`${k.key} ${s}`, x.requests / x.seconds);
        await busy[s].idle();
      }
    }
    console.log(`warm-up ${r + 1}/2: ${selected.map((k) => `${k.key} ${SERVERS.map((s) => warmRate.get(`${k.key} ${s}`)!.toFixed(0)).join('/')}`).join(', ')} req/s`);
  }

  // 3. Sequential latency, request by request in rotating server order.
  const times = new Map<string, Record<ServerName, number[]>>();
  const failures = new Map<string, Record<ServerName, number>>();
  const apiQueries = new Map<string, number[]>();
  for (const k of selected) {
    const t = targets(k);
    const ts: Record<ServerName, number[]> = { api: [], lib: [], cypher: [] };
    const fs: Record<ServerName, number> = { api: 0, lib: 0, cypher: 0 };
    const qs: number[] = [];
    for (let i = 0; i < warmup + iterations; i++) {
      for (let j = 0; j < SERVERS.length; j++) {
        const s = SERVERS[(i + j) % SERVERS.length]!;
        const a = await post(t[s]);
        if (failed(a)) fs[s]++;
        if (i < warmup) continue;
        ts[s].push(a.ms);
        if (s === 'api') qs.push(a.body.extensions?.neo4j?.queries ?? -1);
      }
    }
    times.set(k.key, ts);
    failures.set(k.key, fs);
    apiQueries.set(k.key, qs);
    console.log(`sequential ${k.key}: p50 ${SERVERS.map((s) => `${s} ${percentile(ts[s], 50).toFixed(1)}`).join(', ')} ms`);
  }

  // 3b. First use: new texts (the kind's query with one leaf left out), each sent once and then
  // repeated, the API and @neo4j/graphql interleaved. The hand-written server has one text per kind.
  const firstUse = new Map<string, Partial<Record<ServerName, FirstUse>>>();
  const sent = new Set<string>();
  for (const k of variantsPerKind > 0 ? selected : []) {
    const fu: Partial<Record<ServerName, FirstUse>> = {};
    // A text an earlier kind sent already (the curated incident asks what the synthetic one does) is not new.
    const newTexts = (s: 'api' | 'lib') => leafDrops(k[s].query, variantsPerKind).filter((q) => !sent.has(`${s} ${q}`) && sent.add(`${s} ${q}`));
    const texts = { api: newTexts('api'), lib: newTexts('lib') };
    for (const s of ['api', 'lib'] as const) fu[s] = { texts: texts[s].length, first: [], repeats: [], failures: 0, ...(s === 'api' ? { planned: 0 } : {}) };
    const n = Math.max(texts.api.length, texts.lib.length);
    for (let i = 0; i < n; i++) {
      for (const s of (i % 2 ? ['lib', 'api'] : ['api', 'lib']) as ('api' | 'lib')[]) {
        const query = texts[s][i];
        if (!query) continue;
        const t = { url: targets(k)[s].url, body: JSON.stringify({ ...k[s], query }) };
        const f = fu[s]!;
        const a = await post(t);
        if (failed(a)) f.failures++;
        f.first.push(a.ms);
        if (f.planned !== undefined && (a.body.extensions?.neo4j?.plans ?? 0) > 0) f.planned++;
        for (let r = 0; r < repeats; r++) {
          const b = await post(t);
          if (failed(b)) f.failures++;
          // A time counts only with the right answer: a repeat (run from the plan Neo4j cached) must answer as the first request did.
          if (JSON.stringify(b.body.data) !== JSON.stringify(a.body.data)) { f.failures++; console.log(`DIFFERENT ${k.key} ${s}: a repeat of a new text answered otherwise than its first use`); }
          f.repeats.push(b.ms);
        }
      }
    }
    firstUse.set(k.key, fu);
    if (n === 0) { console.log(`first use ${k.key}: no new texts (an earlier kind sent the same)`); continue; }
    console.log(`first use ${k.key}: ${(['api', 'lib'] as const).map((s) => `${s} first p95 ${percentile(fu[s]!.first, 95).toFixed(0)} (max ${Math.max(...fu[s]!.first).toFixed(0)}), repeats p95 ${percentile(fu[s]!.repeats, 95).toFixed(0)} ms`).join('; ')}`);
  }

  // 4. Throughput under autocannon, run by run in rotating server order.
  // Each run then waits until its server is idle (a request autocannon timed out may still run).
  type Load = { requests: number; seconds: number; runs: number[]; drainMs: number; cpuMs: number; neo4jCpuMs: number };
  const load = new Map<string, Record<ServerName, Load>>();
  const fresh = (): Load => ({ requests: 0, seconds: 0, runs: [], drainMs: 0, cpuMs: 0, neo4jCpuMs: 0 });
  for (const k of selected) load.set(k.key, { api: fresh(), lib: fresh(), cypher: fresh() });
  for (let r = 0; r < rounds; r++) {
    for (const k of selected) {
      const t = targets(k);
      for (let j = 0; j < SERVERS.length; j++) {
        const s = SERVERS[(r + j) % SERVERS.length]!;
        const acc = load.get(k.key)![s];
        // Aim at `duration` seconds: from the runs so far, else from the sequential p50 (10
        // connections on this 2-core machine give about twice the sequential rate).
        const rate = acc.seconds > 0 ? acc.requests / acc.seconds : 2000 / percentile(times.get(k.key)![s], 50);
        const cpu0 = [cpuMs(pids[s]), cpuMs(neo4jPid)] as const;
        const x = await autocannon(t[s], connections, Math.min(20_000, Math.max(4 * connections, Math.round(duration * rate))));
        acc.requests += x.requests;
        acc.seconds += x.seconds;
        acc.runs.push(+(x.requests / x.seconds).toFixed(1));
        acc.drainMs += await busy[s].idle();
        acc.cpuMs += cpuMs(pids[s]) - cpu0[0];
        acc.neo4jCpuMs += cpuMs(neo4jPid) - cpu0[1];
        failures.get(k.key)![s] += x.non2xx + x.errors;
      }
      console.log(`load round ${r + 1}/${rounds} ${k.key}: ${SERVERS.map((s) => `${s} ${load.get(k.key)![s].runs.at(-1)}`).join(', ')} req/s`);
    }
  }

  const rows: KindFigures[] = selected.map((k) => {
    const ts = times.get(k.key)!;
    const qs = apiQueries.get(k.key)!;
    const servers = Object.fromEntries(SERVERS.map((s) => {
      const l = load.get(k.key)![s];
      return [s, { p50: percentile(ts[s], 50), p95: percentile(ts[s], 95), rps: l.requests / l.seconds, failures: failures.get(k.key)![s],
        cpuMsPerRequest: l.cpuMs / l.requests, neo4jCpuMsPerRequest: l.neo4jCpuMs / l.requests }];
    })) as KindFigures['servers'];
    return { key: k.key, title: k.title, ...agreement.get(k.key)!, apiQueries: [Math.min(...qs), Math.max(...qs)], servers, firstUse: firstUse.get(k.key) ?? {} };
  });
  for (const k of rows) {
    for (const s of SERVERS) {
      if (k.servers[s].failures) { problems++; console.log(`FAILED ${k.key} on ${LABEL[s]}: ${k.servers[s].failures} failed responses while timing`); }
      const fu = k.firstUse[s];
      if (fu?.failures) { problems++; console.log(`FAILED ${k.key} on ${LABEL[s]}: ${fu.failures} failed responses to new texts (first use)`); }
    }
  }
  console.log(`\n${size.toLocaleString('en-US')} synthetic incidents (${graph.nodes.toLocaleString('en-US')} nodes, ${graph.relationships.toLocaleString('en-US')} relationships):`);
  console.table(consoleRows(rows));
  console.log(`\n${markdownTable(rows, libVersion)}\n`);
  console.log(`\n${costTable(rows)}\n`);
  console.log(`issue 7's bar (req/s >= 1.5x @neo4j/graphql's and p50 <= 1.5x hand-written): met by ${rows.filter(meetsBar).length} of ${rows.length} kinds`);
  console.log(`issue 25's throughput bar (req/s >= 0.5x hand-written's and >= 2x @neo4j/graphql's, p50 <= 1.3x hand-written's or within 1 ms): met by ${rows.filter(meetsIssue25).length} of ${rows.length} kinds`);
  const withNew = rows.filter((k) => (k.firstUse.api?.first.length ?? 0) > 0);
  if (variantsPerKind > 0) console.log(`issue 25's first-use bar (new texts' p95 <= 2x their repeats' p95, none over 500 ms), this API: met by ${withNew.filter((k) => firstUseMet(k.firstUse.api)).length} of the ${withNew.length} kinds that sent new texts; of its ${withNew.reduce((a, k) => a + k.firstUse.api!.texts, 0)} new texts ${withNew.reduce((a, k) => a + (k.firstUse.api!.planned ?? 0), 0)} were new to Neo4j (planned)`);
  results.push({
    incidents: size, ...graph, load: loaded, params,
    kinds: rows.map((k) => ({
      ...k,
      throughputRuns: Object.fromEntries(SERVERS.map((s) => [s, load.get(k.key)![s].runs])),
      drainMs: Object.fromEntries(SERVERS.map((s) => [s, Math.round(load.get(k.key)![s].drainMs)])),
    })),
  });
  await Promise.all([api!.close(), lib!.close(), cypher!.close()]);
  await db.close();
}

mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
const file = fileURLToPath(new URL(`./results/compare-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
writeFileSync(file, JSON.stringify({
  machine: `${process.platform} ${process.arch}, node ${process.version}`, neo4jGraphql: libVersion,
  options: { iterations, warmup, duration, rounds, warm, connections, variants: variantsPerKind, repeats }, results,
}, null, 2));
console.log(`\nFigures written to ${file}`);
if (problems) {
  console.log(`${problems} problem(s): answers that disagree or requests that failed (see above)`);
  process.exitCode = 1;
}
