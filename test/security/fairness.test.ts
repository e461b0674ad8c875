import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOwnServer, type OwnServer } from '../server/ownServer.js';
import { send } from '../support/loopback.js';

const Q = '{ company(id: "coupang") { name } }';
const settle = () => new Promise((r) => setTimeout(r, 300));

describe('fair shares of the database across clients', () => {
  let own: OwnServer;
  // Two slots in all: one client may hold one, the other stays for everyone else; one more may wait.
  beforeAll(async () => { own = await startOwnServer({ clientLimit: { concurrency: 8, queue: 1, slots: 2 } }); });
  afterAll(async () => { await own?.close(); });

  it('a client allowed 8 at once never holds every slot: another client\'s query runs at once', async () => {
    const heavy = [0, 1].map(() => send(own.url, '127.0.0.2', Q, true));
    await settle();
    // One running, one waiting: a third is over the client's share (8 at once would have taken it).
    const third = await send(own.url, '127.0.0.2', Q).answer;
    expect(third.status).toBe(429);
    expect(third.body.errors[0].message).toMatch(/at most 1 run at once and 1 wait/);
    const t0 = performance.now();
    const other = await send(own.url, '127.0.0.3', Q).answer;
    expect(other.status).toBe(200);
    expect(other.body.data).toEqual({ company: { name: 'Coupang' } });
    // Served while all three of the first client's requests are still held open.
    heavy.forEach((h) => h.release());
    const answers = await Promise.all(heavy.map((h) => h.answer));
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(other.at).toBeLessThan(Math.min(...answers.map((a) => a.at)));
    expect(other.at - t0).toBeLessThan(10_000);
  });

  it('a free slot goes to the client with fewer running, not to whoever queued first', async () => {
    // 127.0.0.4 holds its one slot and queues one more; 127.0.0.5 takes the last slot and holds it.
    const a = [0, 1].map(() => send(own.url, '127.0.0.4', Q, true));
    await settle();
    const b = send(own.url, '127.0.0.5', Q, true);
    await settle();
    // 127.0.0.6 queues after 127.0.0.4's waiting request; when 127.0.0.5's slot frees, it is 127.0.0.6's turn.
    const c = send(own.url, '127.0.0.6', Q);
    await settle();
    b.release();
    const cAnswer = await c.answer;
    expect(cAnswer.status).toBe(200);
    a.forEach((x) => x.release());
    const aAnswers = await Promise.all(a.map((x) => x.answer));
    expect(aAnswers.every((x) => x.status === 200)).toBe(true);
    // 127.0.0.4's second request ran only after 127.0.0.6's.
    expect(cAnswer.at).toBeLessThan(Math.max(...aAnswers.map((x) => x.at)));
  });
});

describe('a budget of Neo4j time per client', () => {
  let own: OwnServer;
  // 1 ms of Neo4j time a second, and 1 ms ahead: one query spends it, the next one waits.
  beforeAll(async () => { own = await startOwnServer({ clientLimit: { concurrency: 8, queue: 8, dbMsPerSecond: 1, burstMs: 1 } }); });
  afterAll(async () => { await own?.close(); });

  it('a client that has spent its share is answered 429 RATE_LIMITED with Retry-After; another client is served', async () => {
    const first = await send(own.url, '127.0.0.7', '{ incidents(first: 5) { totalCount } }').answer;
    expect(first.status).toBe(200);
    const refused = await send(own.url, '127.0.0.7', Q).answer;
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.errors[0].message).toMatch(/share of database time/);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await send(own.url, '127.0.0.8', Q).answer).status).toBe(200);
  });
});
