import { rmSync } from 'node:fs';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { settlesWithin } from '../../src/graph/deadline.js';
import { createDriver } from '../../src/graph/driver.js';
import { QueryDeadlineExceeded } from '../../src/graph/faults.js';
import { Graph } from '../../src/graph/graph.js';
import { QueryRegistry } from '../../src/graph/queries.js';
import { localCredentials } from '../../src/local-neo4j/credentials.js';
import { createLogger } from '../../src/logger.js';
import { loadFile, SEEDS_DIR } from '../../src/seed/load.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import {
  alive, FAULT_HOME, figure, freePort, INTERNALS, javaPids, sleep, spawnApi, timedGql, timedReady, waitReady, type ApiProcess, type Timed,
} from './support.js';

/**
 * The database faults of issue 9, against a Neo4j of their own (never the suite's shared one):
 * `npm start` with its local Neo4j under .neo4j/faults, in a child process; and an API in this
 * process on the same Neo4j through NEO4J_URI, as with an external database. The local Neo4j is
 * killed (-9), frozen (SIGSTOP) and, frozen, the API is sent SIGTERM.
 *
 * Bounds are generous for a busy 2-core machine, and still far below what the old code did
 * (32-65 s to fail, no recovery, 20 s hangs, a 30 s shutdown leaving Java behind). The measured
 * figures are printed as "[faults] ...".
 */
const QUERY = '{ company(id: "coupang") { name } }';
const COUPANG = { company: { name: 'Coupang' } };
const START_MS = 300_000; // a cold JVM on a loaded machine has taken over two minutes here

let api: ApiProcess;
let boltPort: number;
let driver: Driver;
let ext: { db: Database; server: RunningServer; url: string };

function expectUnavailable(r: Timed, boundMs: number): void {
  expect(r.code, r.body).toBe('SERVICE_UNAVAILABLE');
  expect(r.ms, `answered in ${Math.round(r.ms)} ms`).toBeLessThan(boundMs);
  expect(r.data).toEqual({ company: null });
  expect(r.retryAfter).toBe('5');
  expect(r.body).not.toMatch(INTERNALS);
}

async function nodeCount(): Promise<number> {
  const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database: 'neo4j' });
  return records[0]!.get('n') as number;
}

describe('database faults', () => {
  beforeAll(async () => {
    rmSync(FAULT_HOME, { recursive: true, force: true });
    boltPort = await freePort();
    api = spawnApi({ home: FAULT_HOME, port: await freePort(), boltPort, env: { SEED_ON_EMPTY: 'false', NEO4J_POOL_SIZE: '4' } });
    await waitReady(api.url, START_MS, api.exited);
    // The local Neo4j's login: user neo4j and the password of .neo4j/neo4j-password.
    const login = localCredentials();
    driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic(login.user, login.password), { disableLosslessIntegers: true });
    for (const f of ['01-reference.cypher', '02-sources.cypher', '03-organizations.cypher']) await loadFile(driver, 'neo4j', join(SEEDS_DIR, f));
    const config = loadConfig({ ...process.env, NEO4J_URI: `bolt://127.0.0.1:${boltPort}`, NEO4J_USER: login.user, NEO4J_PASSWORD: login.password, LOG_LEVEL: 'silent' });
    const log = createLogger('silent');
    const db = await openDatabase(config, log);
    const server = await startServer(db.graph, log, { port: 0, host: '127.0.0.1' });
    ext = { db, server, url: server.url.replace(/\/graphql$/, '') };
  }, START_MS + 60_000);

  afterAll(async () => {
    await ext?.server.close();
    await ext?.db.close();
    await driver?.close();
    if (api?.child.exitCode === null) api.child.kill('SIGKILL');
    for (const pid of javaPids(FAULT_HOME)) process.kill(pid, 'SIGKILL');
  }, 60_000);

  it('kill -9: every request fails fast with SERVICE_UNAVAILABLE; Neo4j is restarted and the data is intact', async () => {
    expect((await timedGql(api.url, QUERY)).data).toEqual(COUPANG);
    expect((await timedGql(ext.url, QUERY)).data).toEqual(COUPANG);
    // Committed just before the crash: recovery must keep it.
    await driver.executeQuery('UNWIND range(1, 2000) AS i CREATE (:FaultMark {i: i})', {}, { database: 'neo4j' });
    const before = await nodeCount();
    const [pid] = javaPids(FAULT_HOME);
    expect(pid).toBeDefined();
    const logMark = api.logs().length;

    process.kill(pid!, 'SIGKILL');
    const killedAt = performance.now();
    const first = [await timedGql(api.url, QUERY), await timedGql(ext.url, QUERY)];
    for (const r of first) expectUnavailable(r, 5000);
    const during: Timed[] = [];
    for (let i = 0; i < 5; i++) {
      during.push(await timedGql(api.url, QUERY), await timedGql(ext.url, QUERY));
      await sleep(200);
    }
    for (const r of during) expectUnavailable(r, 2000);
    figure('kill -9: first request after the kill failed in (local, external)', Math.max(...first.map((r) => r.ms)));
    figure('kill -9: slowest failure while down', Math.max(...during.map((r) => r.ms)));

    const ready = await timedReady(api.url);
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: 'unavailable', reason: 'the database is restarting' });
    const extReady = await timedReady(ext.url);
    expect(extReady.status).toBe(503);
    expect(extReady.body).toEqual({ status: 'unavailable', reason: 'the database is unreachable' });
    for (const url of [api.url, ext.url]) expect((await fetch(`${url}/health`)).status).toBe(200);

    await waitReady(api.url, START_MS, api.exited);
    figure('kill -9: time from the kill to /ready 200 (restarted, no human)', performance.now() - killedAt);
    await waitReady(ext.url, 30_000);
    figure('kill -9: external NEO4J_URI API ready again after the kill', performance.now() - killedAt);
    expect((await timedGql(api.url, QUERY)).data).toEqual(COUPANG);
    expect((await timedGql(ext.url, QUERY)).data).toEqual(COUPANG);
    expect(await nodeCount()).toBe(before);
    const { records } = await driver.executeQuery('MATCH (m:FaultMark) RETURN count(m) AS n', {}, { database: 'neo4j' });
    expect(records[0]!.get('n')).toBe(2000);
    expect(javaPids(FAULT_HOME)).not.toContain(pid);
    expect(api.logs().find((l) => l.msg === 'The local Neo4j is back')).toMatchObject({ restarts: 1 });
    // The plans the restart lost are made again (src/server/rewarm.ts): /ready waits for that warm-up
    // up to its bound (60 s), so on a busy machine it may end just after /ready said 200; it must
    // end, and say so (with its time, printed as a figure).
    const warmed = /^Warm again after the Neo4j restart: ready$|^Warm-up after the Neo4j restart: \d+ of \d+ requests failed; ready$/;
    for (let waited = 0; waited < 120_000 && !api.logs().slice(logMark).some((l) => warmed.test(l.msg as string)); waited += 500) await sleep(500);
    const lines = api.logs().slice(logMark);
    const warmLine = lines.find((l) => warmed.test(l.msg as string));
    expect(warmLine).toBeDefined();
    figure('kill -9: the warm-up after the restart took', Number(warmLine!.ms));
    // Issue 28: once the restarted Neo4j is back, it comes up without being taken for a frozen one
    // (its first query, slow on a busy machine, is waited for before the hold is lifted): no
    // second "unavailable" line between "back" and "answers again".
    const back = lines.findIndex((l) => l.msg === 'The local Neo4j is back');
    const again = lines.findIndex((l) => l.msg === 'Neo4j answers again');
    expect(back).toBeGreaterThanOrEqual(0);
    expect(again).toBeGreaterThan(back);
    expect(lines.slice(back, again).filter((l) => l.msg === 'Neo4j unavailable: queries fail fast until it answers')).toEqual([]);
  }, START_MS + 180_000);

  it('SIGSTOP: requests waiting on a frozen Neo4j end within seconds, new ones fail fast; all recover on SIGCONT', async () => {
    const before = await nodeCount();
    const [pid] = javaPids(FAULT_HOME);
    const logMark = api.logs().length;
    process.kill(pid!, 'SIGSTOP');
    const frozenAt = performance.now();
    // The client-side deadline on its own (no probe behind this Graph): budget 1 s + margin 0.5 s.
    const bare = createDriver({ uri: `bolt://127.0.0.1:${boltPort}`, ...localCredentials() });
    try {
      const deadline = (async () => {
        const graph = new Graph(bare, new QueryRegistry(), { database: 'neo4j', timeoutMs: 1000, deadlineMarginMs: 500 });
        const t0 = performance.now();
        const err = await graph.read({ name: 'test/ping', text: 'RETURN 1 AS x' }).then(() => null, (e: unknown) => e);
        return { err, ms: performance.now() - t0 };
      })();
      // Sent to a Neo4j that will not answer: they hold all four pooled connections.
      const inFlight = await Promise.all([...Array(4)].map(() => timedGql(api.url, QUERY)).concat(timedGql(ext.url, QUERY)));
      for (const r of inFlight) expectUnavailable(r, 10_000);
      figure('freeze: requests in flight failed after (slowest)', Math.max(...inFlight.map((r) => r.ms)));
      const d = await deadline;
      expect(d.err).toBeInstanceOf(QueryDeadlineExceeded);
      expect(d.ms).toBeLessThan(6000);
      figure('freeze: a bare Graph (1 s budget + 0.5 s margin) gave up after', d.ms);

      const later: Timed[] = [];
      for (let i = 0; i < 3; i++) later.push(await timedGql(api.url, QUERY), await timedGql(ext.url, QUERY));
      for (const r of later) expectUnavailable(r, 2000);
      figure('freeze: slowest new request once detected', Math.max(...later.map((r) => r.ms)));
      // Issue 28: hundreds of failures, a handful of lines (counted below, once it is over).
      const burst: Timed[] = [];
      await Promise.all([...Array(20)].map(async () => {
        for (let i = 0; i < 15; i++) burst.push(await timedGql(api.url, QUERY));
      }));
      for (const r of burst) expect(r.code).toBe('SERVICE_UNAVAILABLE');
      for (const url of [api.url, ext.url]) {
        const ready = await timedReady(url);
        expect(ready.status).toBe(503);
        expect(ready.body).toEqual({ status: 'unavailable', reason: 'the database is not responding' });
        expect(ready.ms).toBeLessThan(3000);
        expect((await fetch(`${url}/health`)).status).toBe(200);
      }
      // Frozen for 20 s in all, as in the issue: longer than every bound above.
      await sleep(Math.max(0, 20_000 - (performance.now() - frozenAt)));
    } finally {
      process.kill(pid!, 'SIGCONT');
    }
    const resumedAt = performance.now();
    await waitReady(api.url, 60_000);
    figure('freeze: /ready 200 again after SIGCONT', performance.now() - resumedAt);
    // The log of the outage (issue 28): one line when Neo4j went down and one when it came back,
    // a count of the failed requests every 10 s (one or two in a 20 s freeze) and the outage's
    // total; no line per failed request but its access line, which has its code and id.
    await sleep(500);
    const lines = api.logs().slice(logMark);
    const failed = lines.filter((l) => l.msg === 'request' && l.code === 'SERVICE_UNAVAILABLE');
    expect(failed.length).toBeGreaterThanOrEqual(300 + 4 + 3);
    expect(failed.every((l) => typeof l.reqId === 'string' && typeof l.status === 'number')).toBe(true);
    // Not the start's warm-up, if it still runs (this test alone, right after the start): one line per IDE example at most.
    const warns = lines.filter((l) => (l.level as number) >= 40 && !/^warm-up/.test(l.msg as string));
    console.log(`[faults] freeze: ${failed.length} failed requests, ${warns.length} warn/error lines: ${warns.map((l) => l.msg).join(' | ')}`);
    expect(lines.filter((l) => l.msg === 'Neo4j unavailable: queries fail fast until it answers')).toEqual([expect.objectContaining({ level: 40, reason: 'not-responding' })]);
    expect(lines.filter((l) => l.msg === 'Neo4j answers again')).toHaveLength(1);
    const counts = warns.filter((l) => /requests? failed in the last 10 s/.test(l.msg as string));
    expect(counts.length).toBeGreaterThanOrEqual(1);
    expect(counts.length).toBeLessThanOrEqual(3);
    for (const c of counts) expect(Object.keys(c.byCode as object)).toEqual(['SERVICE_UNAVAILABLE']);
    const total = lines.filter((l) => /failed while Neo4j was unavailable/.test(l.msg as string));
    expect(total).toEqual([expect.objectContaining({ level: 30, failed: failed.length, byCode: { SERVICE_UNAVAILABLE: failed.length } })]);
    // Down, a probe's timeout, the counts: a few lines for hundreds of failures.
    expect(warns.length).toBeLessThanOrEqual(6);
    await waitReady(ext.url, 60_000);
    // No connection was lost to the freeze: the pool of four serves twelve requests at once.
    const burst = await Promise.all([...Array(12)].map(() => timedGql(api.url, QUERY)));
    for (const r of burst) expect(r.data, r.body).toEqual(COUPANG);
    expect(await nodeCount()).toBe(before);
    await settlesWithin(bare.close(), 2000);
  }, 120_000);

  it('SIGTERM while Neo4j is frozen: the API kills it and exits within its bound; the next start works', async () => {
    await ext.server.close();
    await ext.db.close();
    const before = await nodeCount();
    const [pid] = javaPids(FAULT_HOME);
    process.kill(pid!, 'SIGSTOP');
    const t0 = performance.now();
    api.child.kill('SIGTERM');
    const { code, at } = await api.exited;
    figure('SIGTERM with Neo4j frozen: process exit after', at - t0);
    expect(code).toBe(0);
    // Defaults: a stopped Neo4j is killed at once rather than waited for (NEO4J_LOCAL_STOP_TIMEOUT_MS).
    expect(at - t0).toBeLessThan(25_000);
    expect(alive(pid!)).toBe(false);
    expect(javaPids(FAULT_HOME)).toEqual([]);
    expect(api.logs().find((l) => /^Stopped in/.test(l.msg as string))).toMatchObject({ neo4j: 'killed' });
    // Issue 28: killed at once because it was frozen, not "did not stop within 20000 ms" 2 s after the signal.
    const killed = api.logs().filter((l) => /^The local Neo4j/.test(l.msg as string) && /kill/.test(l.msg as string));
    expect(killed).toHaveLength(1);
    expect(killed[0]!.msg).toMatch(/^The local Neo4j is frozen \(stopped by a signal, it cannot shut down\): killed it at once, \d+\.\d s after asking it to stop$/);

    // Same store, same Bolt port: no stale lock, data intact. A healthy Neo4j is given all the
    // time it needs to stop cleanly (15 s measured on a machine at load 29; 20 s by default).
    api = spawnApi({ home: FAULT_HOME, port: await freePort(), boltPort, env: { SEED_ON_EMPTY: 'false', NEO4J_LOCAL_STOP_TIMEOUT_MS: '60000' } });
    await waitReady(api.url, START_MS, api.exited);
    expect((await timedGql(api.url, QUERY)).data).toEqual(COUPANG);
    expect(await nodeCount()).toBe(before);

    const [pid2] = javaPids(FAULT_HOME);
    const t1 = performance.now();
    api.child.kill('SIGTERM');
    const stopped = await api.exited;
    figure('SIGTERM, Neo4j healthy: process exit after', stopped.at - t1);
    expect(stopped.code).toBe(0);
    expect(stopped.at - t1).toBeLessThan(75_000);
    expect(alive(pid2!)).toBe(false);
    expect(api.logs().find((l) => /^Stopped in/.test(l.msg as string))).toMatchObject({ neo4j: 'stopped' });
    expect(api.logs().filter((l) => /^The local Neo4j (stopped in \d+\.\d s|.*kill)/.test(l.msg as string)).map((l) => l.msg)).toEqual([expect.stringMatching(/^The local Neo4j stopped in \d+\.\d s$/)]);
  }, START_MS + 60_000);
});
