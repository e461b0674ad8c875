import { rmSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { localCredentials } from '../../src/local-neo4j/credentials.js';
import { createLogger } from '../../src/logger.js';
import { loadFile, SEEDS_DIR } from '../../src/seed/load.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { freePort, javaPids, ROOT, sleep, spawnApi, waitReady, type ApiProcess } from './support.js';

/**
 * Issue 28: two API processes (replicas) on one Neo4j, on this machine. B is `npm start` with its
 * own local Neo4j under .neo4j/faults-replicas; A is a second process on that Neo4j through
 * NEO4J_URI, as a replica on an external database. (A is the one killed: the local Neo4j is a
 * child of B, and a replica's death must not take the database with it.) Both have the same
 * CURSOR_SECRET: a page cursor issued by one continues on the other. A is killed with -9 under
 * load: B answers every request during and after, A's requests fail with connection errors only.
 * Each reports its own requests on its own /metrics listener (no start-up warm-up: its requests
 * would be counted too). Bounds are on correctness, not speed.
 */
const HOME = join(ROOT, '.neo4j/faults-replicas');
const START_MS = 300_000; // a cold JVM on a loaded machine has taken over two minutes here
const SECRET = 'replicas-test-shared-cursor-secret-0123456789';
const PAGE = 'query Page($first: Int, $after: String) { companies(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';
const LOAD = 'query Load { companies(first: 2) { edges { node { id } } } }';

interface Page { companies: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } }
interface Answer { status: number; data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] }

let a: ApiProcess;
let b: ApiProcess;
let metricsA: string;
let metricsB: string;
let driver: Driver;
let other: { db: Database; server: RunningServer; url: string } | undefined;

async function post(baseUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(60_000),
  });
  const json = await res.json() as Omit<Answer, 'status'>;
  return { status: res.status, ...json };
}

async function page(baseUrl: string, first: number, after?: string): Promise<Page> {
  const r = await post(baseUrl, PAGE, { first, after });
  expect(r.errors, JSON.stringify(r)).toBeUndefined();
  return r.data as Page;
}

/** The sum of graphql_requests_total over its labels, from one process's /metrics listener. */
async function requestCount(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(10_000) })).text();
  let n = 0;
  for (const m of text.matchAll(/^graphql_requests_total\{[^}]*\} (\d+(?:\.\d+)?)$/gm)) n += Number(m[1]);
  return n;
}

/** Polls until the counter reaches `want` (it is counted as the response goes out), then returns it. */
async function countSettles(metricsUrl: string, want: number): Promise<number> {
  let n = await requestCount(metricsUrl);
  for (let i = 0; i < 20 && n < want; i++) { await sleep(250); n = await requestCount(metricsUrl); }
  return n;
}

describe('replicas: two API processes on one Neo4j', () => {
  beforeAll(async () => {
    rmSync(HOME, { recursive: true, force: true });
    const boltPort = await freePort();
    const portB = await freePort();
    const mB = await freePort();
    b = spawnApi({ home: HOME, port: portB, boltPort, env: { SEED_ON_EMPTY: 'false', WARM_UP: 'false', CURSOR_SECRET: SECRET, METRICS_PORT: String(mB), METRICS_HOST: '127.0.0.1' } });
    metricsB = `http://127.0.0.1:${mB}/metrics`;
    await waitReady(b.url, START_MS, b.exited);
    const login = localCredentials();
    driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic(login.user, login.password), { disableLosslessIntegers: true });
    for (const f of ['01-reference.cypher', '02-sources.cypher', '03-organizations.cypher']) await loadFile(driver, 'neo4j', join(SEEDS_DIR, f));
    const ext = { NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_USER: login.user, NEO4J_PASSWORD: login.password };
    const portA = await freePort();
    const mA = await freePort();
    a = spawnApi({ home: HOME, port: portA, boltPort, env: { ...ext, SEED_ON_EMPTY: 'false', WARM_UP: 'false', CURSOR_SECRET: SECRET, METRICS_PORT: String(mA), METRICS_HOST: '127.0.0.1' } });
    metricsA = `http://127.0.0.1:${mA}/metrics`;
    await waitReady(a.url, 120_000, a.exited);
    // A third API on the same graph with a secret of its own (in this process: no extra JVM or Node).
    const config = loadConfig({ ...process.env, ...ext, CURSOR_SECRET: 'some-other-replicas-cursor-secret-9876543210', LOG_LEVEL: 'silent' });
    const log = createLogger('silent');
    const db = await openDatabase(config, log);
    const server = await startServer(db.graph, log, { port: 0, host: '127.0.0.1', cursorSecret: config.cursorSecret });
    other = { db, server, url: server.url.replace(/\/graphql$/, '') };
  }, START_MS + 180_000);

  afterAll(async () => {
    await other?.server.close();
    await other?.db.close();
    await driver?.close();
    for (const p of [a, b]) if (p && p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all([a, b].filter(Boolean).map((p) => Promise.race([p.exited, sleep(10_000)])));
    for (const pid of javaPids(HOME)) process.kill(pid, 'SIGKILL');
    await sleep(500);
    rmSync(HOME, { recursive: true, force: true });
  }, 60_000);

  it('a cursor issued by one replica continues on the other (shared CURSOR_SECRET); another secret refuses it', async () => {
    const all = await page(b.url, 4);
    expect(all.companies.edges).toHaveLength(4);
    const first = await page(a.url, 2);
    expect(first.companies.pageInfo.hasNextPage).toBe(true);
    const next = await page(b.url, 2, first.companies.pageInfo.endCursor!);
    expect([...first.companies.edges, ...next.companies.edges]).toEqual(all.companies.edges);
    // And the other way round.
    const firstB = await page(b.url, 2);
    expect((await page(a.url, 2, firstB.companies.pageInfo.endCursor!)).companies.edges).toEqual(next.companies.edges);

    const refused = await post(other!.url, PAGE, { first: 2, after: first.companies.pageInfo.endCursor });
    expect(refused.errors?.[0]?.extensions?.code, JSON.stringify(refused)).toBe('BAD_USER_INPUT');
    expect(refused.data).toEqual({ companies: null });
    // Its own cursors work: it is the secret that differs, not the graph.
    const own = await page(other!.url, 2);
    expect((await page(other!.url, 2, own.companies.pageInfo.endCursor!)).companies.edges).toEqual(next.companies.edges);
  }, 60_000);

  it('each replica counts its own requests on its own /metrics', async () => {
    const [a0, b0] = [await requestCount(metricsA), await requestCount(metricsB)];
    for (let i = 0; i < 3; i++) expect((await post(a.url, LOAD)).status).toBe(200);
    for (let i = 0; i < 7; i++) expect((await post(b.url, LOAD)).status).toBe(200);
    expect(await countSettles(metricsA, a0 + 3) - a0).toBe(3);
    expect(await countSettles(metricsB, b0 + 7) - b0).toBe(7);
  }, 60_000);

  it('kill -9 of one replica under load: the other answers every request; only the killed one\'s fail, with connection errors', async () => {
    const bBefore = await requestCount(metricsB);
    const aBefore = await requestCount(metricsA);
    const expected = (await post(b.url, LOAD)).data;
    const bOk = 1;
    type Outcome = { at: number; ok: boolean; status?: number; error?: string; detail?: string };
    const outcomes: { a: Outcome[]; b: Outcome[] } = { a: [], b: [] };
    let stop = false;
    const loop = async (which: 'a' | 'b') => {
      const url = which === 'a' ? a.url : b.url;
      while (!stop) {
        const at = performance.now();
        try {
          const r = await post(url, LOAD);
          outcomes[which].push({ at, ok: r.status === 200 && r.errors === undefined && JSON.stringify(r.data) === JSON.stringify(expected), status: r.status, detail: JSON.stringify(r).slice(0, 300) });
        } catch (e) {
          const cause = (e as { cause?: { code?: string } }).cause;
          outcomes[which].push({ at, ok: false, error: `${(e as Error).name}: ${(e as Error).message}`, detail: cause?.code });
          if (which === 'a') await sleep(20); // refused at once: do not spin
        }
      }
    };
    const loops = [...Array(4)].flatMap(() => [loop('a'), loop('b')]);
    await sleep(3000);
    const pidA = a.child.pid!;
    const aServed = await requestCount(metricsA);
    process.kill(pidA, 'SIGKILL');
    const killedAt = performance.now();
    const { signal } = await a.exited;
    expect(signal).toBe('SIGKILL');
    await sleep(3000);
    stop = true;
    await Promise.all(loops);

    // B: every request answered 200 with the data, before, during and after the kill.
    const bBad = outcomes.b.filter((o) => !o.ok);
    expect(bBad, JSON.stringify(bBad.slice(0, 3))).toEqual([]);
    const bAfter = outcomes.b.filter((o) => o.at > killedAt);
    expect(bAfter.length).toBeGreaterThan(0);
    // A: answers while it lived; every failure is a connection error (no HTTP error), none before the kill.
    const aFailed = outcomes.a.filter((o) => !o.ok);
    expect(aFailed.filter((o) => o.status !== undefined), JSON.stringify(aFailed.slice(0, 3))).toEqual([]);
    for (const o of aFailed) expect(o.error).toMatch(/^TypeError: (fetch failed|terminated)/);
    expect(aFailed.filter((o) => o.at < killedAt - 1000)).toEqual([]);
    expect(outcomes.a.filter((o) => o.ok).length).toBeGreaterThan(0);
    expect(outcomes.a.filter((o) => o.at > killedAt + 100).every((o) => !o.ok)).toBe(true);
    expect(aFailed.length).toBeGreaterThan(0);
    console.log(`[faults] replicas: B answered ${outcomes.b.length} requests (${bAfter.length} after the kill), all 200; A answered ${outcomes.a.length - aFailed.length}, then ${aFailed.length} connection errors (${[...new Set(aFailed.map((o) => o.detail ?? o.error))].join(', ')})`);

    // Metrics: B's counter grew by exactly B's traffic; A's, read just before the kill, by A's (not B's).
    expect(await countSettles(metricsB, bBefore + bOk + outcomes.b.length) - bBefore).toBe(bOk + outcomes.b.length);
    const aAnsweredBeforeRead = outcomes.a.filter((o) => o.ok).length;
    expect(aServed - aBefore).toBeLessThanOrEqual(aAnsweredBeforeRead + 4);
    expect(aServed - aBefore).toBeGreaterThan(0);
    // The killed replica's listener is gone with it; B's still answers.
    await expect(fetch(metricsA, { signal: AbortSignal.timeout(5000) })).rejects.toThrow();
    expect((await fetch(`${b.url}/ready`)).status).toBe(200);
  }, 120_000);
});
