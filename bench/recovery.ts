/**
 * Recovery after `kill -9` of the local Neo4j, under load (issue 28; not a test of the suite).
 *   npx tsx bench/recovery.ts                                  # 3 rounds, 16 clients, seeds only
 *   npx tsx bench/recovery.ts --rounds 3 --concurrency 16 --incidents 10000
 * Prepares a store under .neo4j/recovery (seeds, plus --incidents synthetic incidents; kept and
 * reused while the size is the same, --fresh to rebuild), then runs `src/main.ts` as `npm start`
 * does (NODE_ENV=production, no NEO4J_URI: it starts and supervises that local Neo4j) in a child
 * process, and puts it under steady load: --concurrency client loops over HTTP, each from a loopback
 * address of its own (127.0.0.10, .11, ...: separate clients to the per-client limits), sending the
 * IDE's example queries in turn. Each round measures the pre-kill p50, SIGKILLs the Neo4j Java
 * process (the API's child process, found under /proc, never by name) and, while the load goes
 * on, the seconds from the kill until:
 *   spawn     the supervisor starts a new Java process (its restart begins)
 *   bolt      that Neo4j answers `RETURN 1` on Bolt (a driver of this bench, every 250 ms)
 *   back      the API's log says `The local Neo4j is back` (its NEO4J_READY)
 *   ready     /ready answers 200 (polled every 200 ms)
 *   first ok  the first successful GraphQL answer of the load
 *   normal    the median of (latency / that query's pre-kill p50), over 5 s of successes, is 1.5 or
 *             less (per query kind, so a mix of cheap queries coming back first does not count)
 * and counts the failed requests by code (extensions.code; FETCH_FAILED, CLIENT_TIMEOUT at 60 s)
 * during the outage (ended before /ready said 200) and after it (started after). Between rounds
 * the load runs --settle seconds more. With --retry-after the clients wait what Retry-After says
 * (as a well-behaved client does); without it they send their next request at once (the worst
 * case). Prints one line per round and a table; writes bench/results/recovery-<date>.json (the
 * figures and the server's lines about Neo4j and the warm-up). Always stops what it started
 * (SIGTERM, then SIGKILL, by PID), on errors and Ctrl-C too. Figures: bench/README.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request, type AgentOptions } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import neo4j from 'neo4j-driver';
import { openDatabase, prepareDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { localCredentials } from '../src/local-neo4j/credentials.js';
import { freePort } from '../src/local-neo4j/launch.js';
import { createLogger } from '../src/logger.js';
import { loadExamples } from '../src/server/ide.js';
import { generateGraph } from '../src/synthetic/load.js';

const opts = new Command()
  .option('--rounds <n>', 'kills, one after another recovers', '3')
  .option('--concurrency <n>', 'client loops sending the IDE examples', '16')
  .option('--incidents <n>', 'synthetic incidents beside the seeds', '0')
  .option('--baseline <s>', 'seconds of load before the first kill (the first 10 untimed)', '30')
  .option('--settle <s>', 'seconds of load after a round has recovered, before the next kill', '20')
  .option('--max <s>', 'give up on a round that has not recovered after this many seconds', '400')
  .option('--fresh', 'rebuild the store even if it holds the same data')
  .option('--retry-after', 'clients wait what a Retry-After header says before their next request (default: they do not, the worst case)')
  .parse()
  .opts<{ rounds: string; concurrency: string; incidents: string; baseline: string; settle: string; max: string; fresh?: boolean; retryAfter?: boolean }>();

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOME = fileURLToPath(new URL('../.neo4j/recovery', import.meta.url));
const MARKER = join(HOME, 'recovery-data.json');
const incidents = Number(opts.incidents);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- processes: everything started here is stopped here, by PID -------------------------------

let api: ChildProcess | undefined;
const javaSeen = new Set<number>();
let stopping = false;

function killNow(): void {
  if (api?.pid && api.exitCode === null && api.signalCode === null) try { process.kill(api.pid, 'SIGKILL'); } catch { /* gone */ }
  for (const pid of javaSeen) if (alive(pid)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
}
process.on('exit', killNow);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping the API and its Neo4j`);
    void stopApi().finally(() => process.exit(130));
  });
}

async function stopApi(): Promise<void> {
  if (stopping) return killNow();
  stopping = true;
  const child = api;
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    if (!(await Promise.race([exited.then(() => true), sleep(60_000).then(() => false)]))) child.kill('SIGKILL');
  }
  killNow();
}

function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    return false;
  }
}

/** The API's child processes that are the Neo4j of HOME (java ... Launcher HOME port ...). */
function neo4jPids(): number[] {
  if (!api?.pid) return [];
  const pids: number[] = [];
  let tasks: string[] = [];
  try { tasks = readdirSync(`/proc/${api.pid}/task`); } catch { return []; }
  for (const t of tasks) {
    let children: string[] = [];
    try { children = readFileSync(`/proc/${api.pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean); } catch { continue; }
    for (const c of children) {
      try {
        const cmd = readFileSync(`/proc/${c}/cmdline`, 'utf8').split('\0');
        if (cmd[0]?.endsWith('java') && cmd.includes(HOME) && alive(Number(c))) pids.push(Number(c));
      } catch { /* gone */ }
    }
  }
  for (const p of pids) javaSeen.add(p);
  return pids;
}

// ---- the store -------------------------------------------------------------------------------

async function prepareStore(): Promise<void> {
  const want = { incidents };
  if (!opts.fresh && existsSync(MARKER) && JSON.parse(readFileSync(MARKER, 'utf8')).incidents === incidents) {
    console.log(`store: ${HOME} (seeds + ${incidents} synthetic incidents, reused)`);
    return;
  }
  rmSync(HOME, { recursive: true, force: true });
  const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn', SEED_ON_EMPTY: 'true' });
  const log = createLogger('warn', 'json');
  process.stdout.write(`store: ${HOME}: starting Neo4j, seeding`);
  const db = await openDatabase(config, log, HOME);
  try {
    await prepareDatabase(db, config, log);
    if (incidents > 0) {
      process.stdout.write(`, ${incidents} synthetic incidents `);
      await generateGraph(db.driver, config.neo4j.database, db.graph.queries, { incidents, seed: 1, batchSize: 2000, parallel: 2 },
        (n) => { if (n % 2000 === 0) process.stdout.write('.'); });
    }
  } finally {
    await db.close();
  }
  writeFileSync(MARKER, JSON.stringify(want));
  console.log(' done');
}

// ---- the API, its log ------------------------------------------------------------------------

interface LogLine { at: number; msg: string; [k: string]: unknown }
const logLines: LogLine[] = [];

async function startApi(port: number, boltPort: number): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      // As `npm start` runs it, with its default limits: each client loop has an address of its own.
      ...process.env,
      NODE_ENV: 'production', NEO4J_URI: '', NEO4J_LOCAL_HOME: HOME, NEO4J_LOCAL_PORT: String(boltPort),
      PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', LOG_FORMAT: 'json', METRICS_PORT: '0', SEED_ON_EMPTY: 'false',
    },
  });
  api = child;
  let buf = '';
  const onData = (d: string) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      // Each request's access line is skipped unparsed: under load they are most of the output.
      if (!line.startsWith('{') || line.includes('"msg":"request"')) continue;
      try {
        const j = JSON.parse(line) as Record<string, unknown>;
        if (j.msg === 'request') continue;
        logLines.push({ ...j, at: typeof j.time === 'number' ? j.time : Date.now(), msg: String(j.msg) });
      } catch { /* not ours */ }
    }
  };
  child.stdout!.setEncoding('utf8').on('data', onData);
  child.stderr!.setEncoding('utf8').on('data', (d: string) => process.stderr.write(d));
  const base = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  while (Date.now() - t0 < 600_000) {
    if (stopping || child.exitCode !== null) throw new Error(stopping ? 'stopped' : `the API exited with code ${child.exitCode}`);
    neo4jPids();
    if (await fetch(`${base}/ready`).then((r) => r.ok, () => false)) {
      // The start's own warm-up (src/main.ts) runs after /ready: let it finish before the baseline.
      const w0 = Date.now();
      while (!logLines.some((l) => /^Query plans warmed/.test(l.msg)) && Date.now() - w0 < 120_000) await sleep(250);
      console.log(`API at ${base} in ${((Date.now() - t0) / 1000).toFixed(1)} s, Neo4j PID ${neo4jPids().join(',')}, Bolt port ${boltPort}`);
      return base;
    }
    await sleep(250);
  }
  throw new Error('the API was not ready within 600 s');
}

// ---- the load ----------------------------------------------------------------------------------

interface Req { kind: string; start: number; end: number; ok: boolean; code?: string }
const requests: Req[] = [];
let loadOn = true;

/**
 * One POST from the client's own loopback address (127.0.0.<10+i>): each loop is a client of its
 * own to the per-client limits and the fair shares, as separate users or apps are, and the
 * server's own warm-up (from 127.0.0.1) is one more client among them, not behind their queue.
 */
function post(url: URL, agent: Agent, body: string, timeoutMs: number): Promise<{ status: number; text: string; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname, port: url.port, path: '/graphql', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => { text += d; }).on('end', () => resolve({ status: res.statusCode ?? 0, text, retryAfter: res.headers['retry-after'] })).on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(body);
  });
}

async function load(base: string, concurrency: number): Promise<void> {
  const examples = loadExamples();
  const url = new URL(base);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async (_, i) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1, localAddress: `127.0.0.${10 + i}` } as AgentOptions);
    while (loadOn) {
      const e = examples[next++ % examples.length]!;
      const start = Date.now();
      let ok = false;
      let code: string | undefined;
      try {
        const res = await post(url, agent, JSON.stringify({ query: e.query, variables: e.variables }), 60_000);
        const body = JSON.parse(res.text) as { errors?: { extensions?: { code?: string } }[] };
        ok = res.status === 200 && !body.errors?.length;
        if (!ok) code = body.errors?.[0]?.extensions?.code ?? `HTTP_${res.status}`;
        if (opts.retryAfter && res.retryAfter) {
          requests.push({ kind: e.name, start, end: Date.now(), ok, code });
          await sleep(Number(res.retryAfter) * 1000);
          continue;
        }
      } catch (err) {
        code = (err as Error).name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'FETCH_FAILED';
        await sleep(100); // a refused connection must not spin
      }
      requests.push({ kind: e.name, start, end: Date.now(), ok, code });
    }
    agent.destroy();
  }));
}

// ---- one round -------------------------------------------------------------------------------

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN; };
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! : NaN; };
const sec = (ms: number | undefined) => (ms === undefined ? undefined : +(ms / 1000).toFixed(1));

function byCode(rs: Req[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rs) if (!r.ok) out[r.code!] = (out[r.code!] ?? 0) + 1;
  return out;
}

interface Round {
  round: number; killedPid: number; preKillP50Ms: number; preKillRps: number; load1: number;
  spawnS?: number; boltS?: number; backS?: number; readyS?: number; firstOkS?: number; normalS?: number;
  restartAttempts: number; restartFailures: number; readyReasons: string[];
  outage: { requests: number; failed: Record<string, number>; medianFailMs: number; p99FailMs: number };
  afterReady: { requests: number; failed: Record<string, number>; p50Ms: number; p99Ms: number; maxMs: number };
}

async function round(n: number, base: string, boltPort: number): Promise<Round> {
  const maxMs = Number(opts.max) * 1000;
  // Pre-kill: the last 15 s of successes, per query kind (the "normal speed").
  const preFrom = Date.now() - 15_000;
  const pre = requests.filter((r) => r.ok && r.end >= preFrom);
  const kindP50 = new Map<string, number>();
  for (const kind of new Set(pre.map((r) => r.kind))) kindP50.set(kind, median(pre.filter((r) => r.kind === kind).map((r) => r.end - r.start)));
  const preKillP50Ms = median(pre.map((r) => r.end - r.start));
  const preKillRps = pre.length / 15;
  const [pid] = neo4jPids();
  if (!pid) throw new Error('no Neo4j process under the API');
  const logMark = logLines.length;
  const load1 = loadavg()[0]!;

  process.kill(pid, 'SIGKILL');
  const killedAt = Date.now();
  const t = (at: number | undefined) => (at === undefined ? undefined : at - killedAt);
  const say = (what: string) => console.log(`  round ${n}: ${what} at ${((Date.now() - killedAt) / 1000).toFixed(1)} s`);

  let spawnAt: number | undefined;
  let boltAt: number | undefined;
  let readyAt: number | undefined;
  const readyReasons: string[] = [];
  const login = localCredentials();
  const bolt = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic(login.user, login.password),
    { maxConnectionPoolSize: 1, connectionTimeout: 2000, connectionAcquisitionTimeout: 3000, maxTransactionRetryTime: 0 });
  const watchers: Promise<void>[] = [];
  let watching = true;
  watchers.push((async () => {
    while (watching && spawnAt === undefined) {
      if (neo4jPids().some((p) => p !== pid)) { spawnAt = Date.now(); say('new Java process'); }
      else await sleep(50);
    }
  })());
  watchers.push((async () => {
    while (watching && boltAt === undefined) {
      const s = bolt.session({ database: 'neo4j' });
      const ok = await s.run('RETURN 1').then(() => true, () => false);
      await s.close().catch(() => {});
      if (ok && spawnAt !== undefined) { boltAt = Date.now(); say('Bolt answers'); }
      else await sleep(250);
    }
  })());
  watchers.push((async () => {
    while (watching && readyAt === undefined) {
      const r = await fetch(`${base}/ready`, { signal: AbortSignal.timeout(10_000) }).then(async (res) => ({ status: res.status, body: await res.json() as { reason?: string } }), () => undefined);
      if (r?.status === 200 && spawnAt !== undefined) { readyAt = Date.now(); say('/ready 200'); }
      else {
        const reason = r ? (r.body.reason ?? String(r.status)) : 'no answer';
        if (readyReasons.at(-1) !== reason) readyReasons.push(reason);
        await sleep(200);
      }
    }
  })());

  // Until normal speed (or the bound), then the settle period.
  let normalAt: number | undefined;
  let firstOkAt: number | undefined;
  const ratioOf = (r: Req) => (r.end - r.start) / (kindP50.get(r.kind) ?? NaN);
  while (Date.now() - killedAt < maxMs) {
    await sleep(500);
    const after = requests.filter((r) => r.start > killedAt && r.ok);
    if (firstOkAt === undefined && after.length) { firstOkAt = Math.min(...after.map((r) => r.end)); say('first success'); }
    if (firstOkAt === undefined || readyAt === undefined) continue;
    // The first 5 s window of successes (by end time, from the first success on) whose median ratio is <= 1.5.
    for (let from = firstOkAt; from + 5000 <= Date.now(); from += 500) {
      const win = after.filter((r) => r.end >= from && r.end < from + 5000).map(ratioOf).filter(Number.isFinite);
      if (win.length >= 5 && median(win) <= 1.5) { normalAt = from + 5000; say(`normal speed (reached ${((normalAt - killedAt) / 1000).toFixed(1)} s)`); break; }
    }
    if (normalAt !== undefined) break;
  }
  await sleep(Number(opts.settle) * 1000);
  watching = false;
  await Promise.all(watchers);
  await bolt.close().catch(() => {});

  const logs = logLines.slice(logMark);
  const backAt = logs.find((l) => l.msg === 'The local Neo4j is back')?.at;
  const outageReqs = requests.filter((r) => r.end >= killedAt && (readyAt === undefined || r.end < readyAt) && r.start < (readyAt ?? Infinity));
  const failedOutage = outageReqs.filter((r) => !r.ok).map((r) => r.end - r.start);
  const afterReady = requests.filter((r) => readyAt !== undefined && r.start >= readyAt);
  const okAfter = afterReady.filter((r) => r.ok).map((r) => r.end - r.start);
  return {
    round: n, killedPid: pid, preKillP50Ms: Math.round(preKillP50Ms), preKillRps: +preKillRps.toFixed(1), load1: +load1.toFixed(1),
    spawnS: sec(t(spawnAt)), boltS: sec(t(boltAt)), backS: sec(t(backAt)), readyS: sec(t(readyAt)), firstOkS: sec(t(firstOkAt)), normalS: sec(t(normalAt)),
    restartAttempts: logs.filter((l) => l.msg === 'Restarting the local Neo4j').length,
    restartFailures: logs.filter((l) => /^The local Neo4j failed to restart/.test(l.msg)).length,
    readyReasons,
    outage: { requests: outageReqs.length, failed: byCode(outageReqs), medianFailMs: Math.round(median(failedOutage)), p99FailMs: Math.round(pct(failedOutage, 99)) },
    afterReady: { requests: afterReady.length, failed: byCode(afterReady), p50Ms: Math.round(median(okAfter)), p99Ms: Math.round(pct(okAfter, 99)), maxMs: Math.round(Math.max(...okAfter)) },
  };
}

// ---- main ----------------------------------------------------------------------------------------

const rounds: Round[] = [];
let loadDone: Promise<void> | undefined;
let failed = false;
try {
  await prepareStore();
  const boltPort = await freePort();
  const base = await startApi(await freePort(), boltPort);
  const concurrency = Number(opts.concurrency);
  const examples = loadExamples().map((e) => e.name);
  console.log(`load: ${concurrency} client loops over ${examples.length} IDE examples (${examples.join(', ')}); ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  loadDone = load(base, concurrency);
  await sleep(Number(opts.baseline) * 1000);
  const baseline = requests.filter((r) => r.start > Date.now() - (Number(opts.baseline) - 10) * 1000);
  console.log(`baseline: ${baseline.length} requests, p50 ${median(baseline.filter((r) => r.ok).map((r) => r.end - r.start))} ms, failed ${JSON.stringify(byCode(baseline))}`);
  for (let n = 1; n <= Number(opts.rounds); n++) {
    const r = await round(n, base, boltPort);
    rounds.push(r);
    console.log(`round ${n}: kill -9 of ${r.killedPid} (load ${r.load1}, pre-kill p50 ${r.preKillP50Ms} ms at ${r.preKillRps} req/s): `
      + `spawn ${r.spawnS} s, Bolt ${r.boltS} s, back ${r.backS} s, /ready 200 ${r.readyS} s, first ok ${r.firstOkS} s, normal ${r.normalS} s; `
      + `restarts ${r.restartAttempts} (${r.restartFailures} failed); /ready said ${r.readyReasons.join(' -> ')}; `
      + `outage: ${r.outage.requests} requests, failed ${JSON.stringify(r.outage.failed)} (median ${r.outage.medianFailMs} ms, p99 ${r.outage.p99FailMs} ms); `
      + `after /ready 200: ${r.afterReady.requests} requests, failed ${JSON.stringify(r.afterReady.failed)}, p50 ${r.afterReady.p50Ms} ms, p99 ${r.afterReady.p99Ms} ms, max ${r.afterReady.maxMs} ms`);
    if (r.readyS === undefined) throw new Error(`round ${n}: not ready within --max ${opts.max} s`);
  }
} catch (e) {
  failed = true;
  console.error(e);
} finally {
  loadOn = false;
  await Promise.race([loadDone, sleep(65_000)]);
  if (rounds.length) {
    console.table(rounds.map((r) => ({
      round: r.round, 'load 1m': r.load1, 'pre p50 ms': r.preKillP50Ms, 'spawn s': r.spawnS, 'Bolt s': r.boltS, 'back s': r.backS,
      'ready s': r.readyS, 'first ok s': r.firstOkS, 'normal s': r.normalS, restarts: r.restartAttempts,
      'failed in outage': Object.entries(r.outage.failed).map(([k, v]) => `${k} ${v}`).join(', '),
      'failed after ready': Object.entries(r.afterReady.failed).map(([k, v]) => `${k} ${v}`).join(', ') || '0',
    })));
    mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
    const file = fileURLToPath(new URL(`./results/recovery-${new Date().toISOString().replace(/[:.]/g, '-')}.json`, import.meta.url));
    writeFileSync(file, JSON.stringify({ machine: `${process.platform} ${process.arch}, ${cpus().length} cores, node ${process.version}`, opts, rounds, serverLog: logLines.filter((l) => /Neo4j|[Ww]arm|ready/.test(l.msg)).map(({ at, msg, time: _t, pid: _p, hostname: _h, ...rest }) => ({ at: new Date(at).toISOString(), msg, ...rest })) }, null, 2));
    console.log(`Figures written to ${file}`);
  }
  await stopApi();
  process.exit(failed ? 1 : 0);
}
