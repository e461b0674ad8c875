import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/bootstrap.js';
import { Availability } from '../../src/graph/availability.js';
import { createLogger } from '../../src/logger.js';
import { rewarmAfterRestarts } from '../../src/server/rewarm.js';
import { warmShapes } from '../../src/server/warm.js';

/**
 * The warm-up after a restart of the local Neo4j (src/server/rewarm.ts), with no Neo4j: a
 * supervisor that is an EventEmitter, and an HTTP server that counts the warm-up's requests and
 * answers them when the test says. Issue 28: a warm-up must belong to one run of Neo4j (when that
 * one dies too, /ready says "restarting" at once, the warm-up stops sending and neither claims
 * success nor ends the next run's warming), and /ready says 200 only once it is over. Order and
 * outcome only, no timing: `npx tsx bench/recovery.ts` measures the times under load.
 */
let server: Server;
let url: string;
let received = 0;
let answer: 'ok' | 'unavailable' = 'ok';
let held: (() => void)[] = [];
let shapes = 0;

function release(): void {
  const h = held;
  held = [];
  for (const r of h) r();
}

async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond(), what).toBe(true);
}

function fixture() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger('info', 'json', { write: (l: string) => { lines.push(JSON.parse(l) as Record<string, unknown>); } });
  const local = new EventEmitter();
  const availability = new Availability();
  // planWrites opens a session on the driver: a database that refuses it (the write path is not what this tests).
  const graph = { options: { database: 'neo4j' }, queries: { get: () => 'RETURN 1' }, driver: { session: () => ({ beginTransaction: () => Promise.reject(new Error('no database here')), close: () => Promise.resolve() }) } };
  const db = { local, availability, graph } as unknown as Database;
  const rewarm = rewarmAfterRestarts(db, () => url, log);
  return { lines, local, availability, rewarm };
}

describe('warm-up after a restart of the local Neo4j', () => {
  beforeAll(async () => {
    shapes = (await warmShapes()).length;
    server = createServer((req, res) => {
      received += 1;
      req.resume();
      held.push(() => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(answer === 'ok' ? { data: {} } : { errors: [{ message: 'down', extensions: { code: 'SERVICE_UNAVAILABLE' } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    release();
    await new Promise((r) => server.close(r));
  });

  it('warming from the restart until every shape has answered, then /ready may say 200', async () => {
    const { lines, local, rewarm } = fixture();
    expect(rewarm.warming()).toBe(false);
    received = 0;
    answer = 'ok';
    local.emit('ready', { uri: 'bolt://x', restarts: 1 });
    expect(rewarm.warming()).toBe(true);
    // Answered a few at a time, never all at once: it keeps to a small share of the server.
    while (received < shapes) {
      await until(() => held.length > 0, 'a warm-up request arrives');
      expect(held.length).toBeLessThanOrEqual(2);
      expect(rewarm.warming()).toBe(true);
      release();
      await until(() => held.length > 0 || received >= shapes, 'the next one arrives');
    }
    release();
    await until(() => !rewarm.warming(), 'warming ends');
    expect(received).toBe(shapes);
    expect(lines.filter((l) => l.msg === 'Warm again after the Neo4j restart: ready')).toEqual([expect.objectContaining({ sent: shapes, failed: 0 })]);
  });

  it('Neo4j dies again during the warm-up: not warming at once, nothing more sent, no success claimed, the next warm-up is not ended by the old one', async () => {
    const { lines, local, rewarm } = fixture();
    received = 0;
    answer = 'ok';
    local.emit('ready', { uri: 'bolt://x', restarts: 1 });
    await until(() => held.length === 2, 'the first warm-up requests arrive');
    local.emit('exit', { code: null, signal: 'SIGKILL' });
    // /ready must say "restarting" (the availability's hold), not "warming".
    expect(rewarm.warming()).toBe(false);
    const sentBefore = received;
    answer = 'unavailable';
    release();
    // The next run is up: its own warm-up starts, and the old one, ending now, must not clear it.
    answer = 'ok';
    local.emit('ready', { uri: 'bolt://x', restarts: 2 });
    expect(rewarm.warming()).toBe(true);
    await until(() => held.length > 0, 'the second warm-up sends');
    release();
    expect(rewarm.warming()).toBe(true);
    // The first warm-up sent nothing after the exit: everything past sentBefore is the second's.
    while (received - sentBefore < shapes) {
      await until(() => held.length > 0 || received - sentBefore >= shapes, 'the second warm-up goes on');
      release();
    }
    await until(() => !rewarm.warming(), 'the second warm-up ends');
    release();
    expect(received - sentBefore).toBe(shapes);
    expect(lines.filter((l) => /Warm/.test(l.msg as string))).toEqual([expect.objectContaining({ msg: 'Warm again after the Neo4j restart: ready', sent: shapes })]);
  });

  it('a warm-up whose requests fail says so, once, and /ready is no longer held', async () => {
    const { lines, local, rewarm } = fixture();
    received = 0;
    answer = 'unavailable';
    local.emit('ready', { uri: 'bolt://x', restarts: 1 });
    await until(() => held.length === 2, 'both warm-up requests arrive');
    release();
    await until(() => !rewarm.warming(), 'warming ends');
    release();
    // The first SERVICE_UNAVAILABLE ends it: the requests already in flight, no more.
    expect(received).toBeLessThanOrEqual(2);
    const said = lines.filter((l) => /[Ww]arm/.test(l.msg as string));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ level: 40, failed: expect.any(Number) });
    expect(said[0]!.msg).toMatch(/^Warm-up after the Neo4j restart: \d+ of \d+ requests failed; ready$/);
  });
});
