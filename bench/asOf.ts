/**
 * Reads as known on a day (the root fields' `asOf`) against the same reads without it: for each
 * kind of the side-by-side comparison (bench/compare/kinds.ts, this API's requests) and the stats,
 * search and paths kinds of the scale benchmark, the request as is and with `asOf` on its root
 * field for each of --days, over one API server (bench/compare/serve.ts, in a process of its own,
 * as `npm start` runs it) on its own Neo4j under .neo4j/asof holding the curated seeds plus N
 * synthetic incidents. Variants are interleaved request by request (sequential p50) and run by
 * run (autocannon req/s), rotating the order, so the noise of a shared machine falls on all alike.
 * Prints per kind and variant: p50, req/s, Neo4j queries per request (extensions.neo4j.queries),
 * the answer's size (objects), and asOf ÷ plain for p50 and req/s; JSON to bench/results/.
 * Exit code 1 when a request fails or a variant takes more than one Neo4j query.
 *   npm run asof -- --sizes 10000,100000 [--reuse] [--days 2026-06-30,2024-01-01] [--kinds a,b]
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { Kind as AstKind, parse, print, visit, type OperationDefinitionNode } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';
import { openDatabase, prepareDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { generateGraph } from '../src/synthetic/load.js';
import { startChild } from './compare/children.js';
import { kinds, type GraphQLRequest, type KindParams } from './compare/kinds.js';
import { autocannon, percentile, post, type Answer, type Target } from './compare/measure.js';
import { countObjects, type Json } from './compare/normalise.js';
import { BENCH_QUERIES } from './queries.js';

const opts = new Command()
  .option('--sizes <list>', 'synthetic incident counts', '10000,100000')
  .option('--days <list>', 'the asOf days compared with the read without asOf', '2026-06-30,2024-01-01')
  .option('--iterations <n>', 'timed sequential requests per kind and variant', '30')
  .option('--warmup <n>', 'untimed sequential requests per kind and variant first', '5')
  .option('--duration <s>', 'seconds each autocannon run aims at', '3')
  .option('--rounds <n>', 'autocannon runs per kind and variant (interleaved)', '3')
  .option('--warm <s>', 'seconds of untimed load per kind and variant before any timing', '6')
  .option('--connections <n>', 'autocannon connections', '4')
  .option('--kinds <list>', 'only these kinds (keys, comma-separated)')
  .option('--reuse', 'keep the local graph under --home when it already holds this size (skips the load)')
  .option('--home <dir>', 'the local Neo4j\'s folder (a second one lets two sizes be kept)', '.neo4j/asof')
  .parse()
  .opts<{ home: string; sizes: string; days: string; iterations: string; warmup: string; duration: string; rounds: string; warm: string; connections: string; kinds?: string; reuse?: boolean }>();
const sizes = opts.sizes.split(',').map(Number);
const days = opts.days.split(',');
const [iterations, warmup, duration, rounds, warm, connections] = [opts.iterations, opts.warmup, opts.duration, opts.rounds, opts.warm, opts.connections].map(Number) as [number, number, number, number, number, number];
const HOME = fileURLToPath(new URL(`../${opts.home}`, import.meta.url));
/** As the comparison picks it (bench/compare.ts): a synthetic incident present at any size above 42. */
const SYNTHETIC_INCIDENT = 'syn-incident-0000042';
const FINE_THRESHOLD = { currency: 'KRW', minAmount: '1000000000' };
/** The bar of issue 26: an asOf read within this factor of the same read without it. */
const BAR = 1.3;

const setupQuery = (name: string) => readFileSync(fileURLToPath(new URL(`./compare/cypher/setup/${name}.cypher`, import.meta.url)), 'utf8');

/**
 * The request with `asOf` on each root field of its operation (every root field takes it): the
 * same question, as known on the day. `literal`: the day written into the query (each day its own
 * document), else passed as the variable $asOf (one document for every day, as a client would).
 */
function withAsOf(r: GraphQLRequest, day: string, literal: boolean): GraphQLRequest {
  const asOfValue = literal
    ? { kind: AstKind.STRING, value: day } as const
    : { kind: AstKind.VARIABLE, name: { kind: AstKind.NAME, value: 'asOf' } } as const;
  const doc = visit(parse(r.query), {
    OperationDefinition(op: OperationDefinitionNode): OperationDefinitionNode {
      return {
        ...op,
        variableDefinitions: literal ? op.variableDefinitions : [...(op.variableDefinitions ?? []), {
          kind: AstKind.VARIABLE_DEFINITION, variable: { kind: AstKind.VARIABLE, name: { kind: AstKind.NAME, value: 'asOf' } },
          type: { kind: AstKind.NON_NULL_TYPE, type: { kind: AstKind.NAMED_TYPE, name: { kind: AstKind.NAME, value: 'PartialDateString' } } },
        }],
        selectionSet: {
          ...op.selectionSet,
          selections: op.selectionSet.selections.map((s) => s.kind !== AstKind.FIELD ? s : {
            ...s, arguments: [...(s.arguments ?? []), { kind: AstKind.ARGUMENT, name: { kind: AstKind.NAME, value: 'asOf' }, value: asOfValue }],
          }),
        },
      };
    },
  });
  return { query: print(doc), variables: literal ? r.variables : { ...r.variables, asOf: day } };
}

interface BenchKind { key: string; title: string; request: GraphQLRequest }

/** The comparison's kinds (this API's side), then the stats, search and paths kinds it lacks. */
function benchKinds(p: KindParams): BenchKind[] {
  const q = (key: string, title: string, benchKey: string): BenchKind => ({ key, title, request: { query: BENCH_QUERIES[benchKey]!.query } });
  return [
    ...kinds(p).map((k) => ({ key: k.key, title: k.title, request: k.api })),
    { key: 'stats-largest', title: 'stats: largest incidents, first 10, by accounts', request: { query: '{ stats { largestIncidents(first: 10) { id accountsAffected { value } } } }' } },
    { key: 'stats-largest-records', title: 'stats: largest incidents, first 10, by records exposed', request: { query: '{ stats { largestIncidents(first: 10, metric: RECORDS_EXPOSED) { id recordsExposed { value } } } }' } },
    q('stats-fines-by-authority', 'stats: fines by authority (pipc) and year', 'stats: fines by authority and year'),
    q('search', 'search "Falcon breach", first 20', 'search'),
    q('paths', 'paths coupang -> sk-telecom, up to 5 hops', 'paths Coupang -> SK Telecom'),
  ];
}

const failed = (a: Answer) => a.status !== 200 || Boolean(a.body.errors?.length);
const variantName = (v: string | null) => v ?? 'plain';

async function holdsSize(driver: Driver, database: string, size: number): Promise<boolean> {
  const { records } = await driver.executeQuery(setupQuery('holds-size'), { size: neo4j.int(size) }, { database });
  return records[0]?.get('holds') === true;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const rate = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1));
const range = (xs: number[]) => { const lo = Math.min(...xs); const hi = Math.max(...xs); return lo === hi ? String(lo) : `${lo}-${hi}`; };
/** Neo4j queries per request: "1", or "1; 2 in 3 of 30" when some requests took more. */
const queryCounts = (xs: number[]) => { const more = xs.filter((q) => q !== 1); return more.length === 0 ? '1' : `${range(xs)}; ${range(more)} in ${more.length} of ${xs.length}`; };

let problems = 0;
const results: Record<string, unknown>[] = [];
for (const size of sizes) {
  if (!opts.reuse) rmSync(HOME, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn' });
  const log = createLogger('warn');
  const db = await openDatabase(config, log, HOME);
  const database = config.neo4j.database;
  await prepareDatabase(db, config, log);
  process.stdout.write(`\n== ${size.toLocaleString('en-US')} synthetic incidents ==\n`);
  let loaded: { nodes: number; relationships: number; seconds: number } | null = null;
  if (opts.reuse && await holdsSize(db.driver, database, size)) {
    console.log(`reusing the graph under ${opts.home}: it holds this size, derived values included`);
  } else {
    process.stdout.write('loading... ');
    const gen = await generateGraph(db.driver, database, db.graph.queries, { incidents: size, seed: 1, batchSize: 2000 },
      (n) => { if (n % 20000 === 0) process.stdout.write(`${n} `); });
    loaded = { nodes: gen.nodesCreated, relationships: gen.relationshipsCreated, seconds: gen.seconds };
    console.log(`\nload: ${loaded.nodes.toLocaleString('en-US')} synthetic nodes, ${loaded.relationships.toLocaleString('en-US')} relationships in ${loaded.seconds.toFixed(1)} s`);
  }
  const picked = (await db.driver.executeQuery(setupQuery('params'), {}, { database })).records[0]!.toObject() as { company: string; authority: string };
  const params: KindParams = { incident: SYNTHETIC_INCIDENT, ...picked, ...FINE_THRESHOLD };
  const selected = benchKinds(params).filter((k) => !opts.kinds || opts.kinds.split(',').includes(k.key));
  const variants: (string | null)[] = [null, ...days];

  process.env.NEO4J_USER = db.connection.user;
  process.env.NEO4J_PASSWORD = db.connection.password;
  const api = await startChild('api', db.connection.uri, database);
  // Timed with the day written into the query: one document per day. As a variable ($asOf), the
  // server answered every later day as the first one it saw for that document (checked in 1.).
  const target = (k: BenchKind, v: string | null, literal = true): Target => ({ url: api.url, body: JSON.stringify(v ? withAsOf(k.request, v, literal) : k.request) });
  const id = (k: BenchKind, v: string | null) => `${k.key} ${variantName(v)}`;

  // 1. Each variant answers without errors; its size, so that an empty answer shows. The same
  // day passed as a variable must give the same answer (each day asked that way in turn).
  const objects = new Map<string, number>();
  for (const k of selected) {
    for (const v of variants) {
      const a = await post(target(k, v));
      if (failed(a)) { problems++; console.log(`FAILED ${id(k, v)} (HTTP ${a.status}): ${JSON.stringify(a.body.errors ?? a.body).slice(0, 400)}`); }
      objects.set(id(k, v), countObjects((a.body.data ?? null) as Json));
      if (!v) continue;
      const b = await post(target(k, v, false));
      if (JSON.stringify(b.body.data) !== JSON.stringify(a.body.data)) {
        problems++;
        console.log(`VARIABLE DIFFERS ${id(k, v)}: asOf as a variable answers ${countObjects((b.body.data ?? null) as Json)} objects, written in the query ${objects.get(id(k, v))}`);
      }
    }
    console.log(`${k.key}: objects ${variants.map((v) => `${variantName(v)} ${objects.get(id(k, v))}`).join(', ')}`);
  }

  // 2. Untimed load: Neo4j compiles each variant's plan (asOf reads are other queries) and warms up.
  const warmRate = new Map<string, number>();
  for (let r = 0; r < 2 && warm > 0; r++) {
    for (const k of selected) {
      for (const v of variants) {
        const x = await autocannon(target(k, v), connections, Math.min(10_000, Math.max(2 * connections, Math.round((warm / 2) * (warmRate.get(id(k, v)) ?? 20)))));
        warmRate.set(id(k, v), x.requests / x.seconds);
        await api.idle();
      }
    }
    console.log(`warm-up ${r + 1}/2 done`);
  }

  // 3. Sequential latency, request by request in rotating variant order, with the Neo4j queries of each answer.
  const times = new Map<string, number[]>();
  const queries = new Map<string, number[]>();
  const failures = new Map<string, number>();
  for (const k of selected) {
    for (const v of variants) { times.set(id(k, v), []); queries.set(id(k, v), []); failures.set(id(k, v), 0); }
    for (let i = 0; i < warmup + iterations; i++) {
      for (let j = 0; j < variants.length; j++) {
        const v = variants[(i + j) % variants.length]!;
        const a = await post(target(k, v));
        if (failed(a)) failures.set(id(k, v), failures.get(id(k, v))! + 1);
        if (i < warmup) continue;
        times.get(id(k, v))!.push(a.ms);
        queries.get(id(k, v))!.push(a.body.extensions?.neo4j?.queries ?? -1);
      }
    }
    console.log(`sequential ${k.key}: p50 ${variants.map((v) => `${variantName(v)} ${ms(percentile(times.get(id(k, v))!, 50))}`).join(', ')} ms`);
  }

  // 4. Throughput under autocannon, run by run in rotating variant order, each run sized to take about --duration s.
  const load = new Map<string, { requests: number; seconds: number; runs: number[] }>();
  for (const k of selected) for (const v of variants) load.set(id(k, v), { requests: 0, seconds: 0, runs: [] });
  for (let r = 0; r < rounds; r++) {
    for (const k of selected) {
      for (let j = 0; j < variants.length; j++) {
        const v = variants[(r + j) % variants.length]!;
        const acc = load.get(id(k, v))!;
        const expected = acc.seconds > 0 ? acc.requests / acc.seconds : warmRate.get(id(k, v)) ?? 1000 / percentile(times.get(id(k, v))!, 50);
        const x = await autocannon(target(k, v), connections, Math.min(20_000, Math.max(2 * connections, Math.round(duration * expected))));
        acc.requests += x.requests;
        acc.seconds += x.seconds;
        acc.runs.push(+(x.requests / x.seconds).toFixed(1));
        failures.set(id(k, v), failures.get(id(k, v))! + x.non2xx + x.errors);
        await api.idle();
      }
      console.log(`load round ${r + 1}/${rounds} ${k.key}: ${variants.map((v) => `${variantName(v)} ${load.get(id(k, v))!.runs.at(-1)}`).join(', ')} req/s`);
    }
  }
  await api.close();
  await db.close();

  const rows = selected.map((k) => ({
    key: k.key, title: k.title,
    variants: variants.map((v) => {
      const l = load.get(id(k, v))!;
      const qs = queries.get(id(k, v))!;
      if (qs.some((q) => q !== 1)) { problems++; console.log(`NOT ONE QUERY ${id(k, v)}: ${queryCounts(qs)} Neo4j queries per request`); }
      if (failures.get(id(k, v))) { problems++; console.log(`FAILED ${id(k, v)}: ${failures.get(id(k, v))} failed responses while timing`); }
      const ts = times.get(id(k, v))!;
      return { asOf: v, p50: percentile(ts, 50), p95: percentile(ts, 95), rps: l.requests / l.seconds, runs: l.runs, queries: qs, objects: objects.get(id(k, v))!, failures: failures.get(id(k, v))! };
    }),
  }));
  const head = `| kind | without asOf: p50 ms, req/s (queries), objects | ${days.map((d) => `asOf ${d}: p50 ms, req/s (queries), objects | p50 ÷, req/s ÷ plain`).join(' | ')} |`;
  const cell = (x: typeof rows[number]['variants'][number]) => `${ms(x.p50)}, ${rate(x.rps)} (${queryCounts(x.queries)}), ${x.objects}`;
  const ratios = (x: typeof rows[number]['variants'][number], plain: typeof x) => {
    const lat = x.p50 / plain.p50;
    const thr = plain.rps / x.rps;
    const mark = (r: number) => `${r.toFixed(2)}x${r > BAR ? ' **over**' : ''}`;
    return `${mark(lat)}, ${(x.rps / plain.rps).toFixed(2)}x${thr > BAR ? ' **over**' : ''}`;
  };
  const table = [head, `|---|---|${days.map(() => '---|---|').join('')}`,
    ...rows.map((r) => `| ${r.title} | ${cell(r.variants[0]!)} | ${r.variants.slice(1).map((x) => `${cell(x)} | ${ratios(x, r.variants[0]!)}`).join(' | ')} |`)].join('\n');
  console.log(`\n${size.toLocaleString('en-US')} synthetic incidents (interleaved; ${iterations} sequential requests per variant, ${rounds} autocannon runs of ~${duration} s with ${connections} connections):\n\n${table}\n`);
  console.log(`within ${BAR}x (p50 and req/s) for every asOf day: ${rows.filter((r) => r.variants.slice(1).every((x) => x.p50 / r.variants[0]!.p50 <= BAR && r.variants[0]!.rps / x.rps <= BAR)).length} of ${rows.length} kinds`);
  results.push({ incidents: size, load: loaded, params, kinds: rows });
}

mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
const file = fileURLToPath(new URL(`./results/asof-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
writeFileSync(file, JSON.stringify({ machine: `${process.platform} ${process.arch}, node ${process.version}`, options: { days, iterations, warmup, duration, rounds, warm, connections }, results }, null, 2));
console.log(`\nFigures written to ${file}`);
if (problems) {
  console.log(`${problems} problem(s): failed requests or more than one Neo4j query per request (see above)`);
  process.exitCode = 1;
}
