import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOwnServer, type OwnServer } from './ownServer.js';
import { send } from '../support/loopback.js';

/** /metrics is on the API port only with METRICS_TOKEN (issue 23): the server below has one. */
const METRICS_TOKEN = 'client-limit-test-metrics-token-0123456789';
const readMetrics = (url: string) => fetch(url.replace(/\/graphql$/, '/metrics'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }).then((r) => r.text());

/** Waits until the server's /metrics show this many requests running and waiting in their clients' slots. */
async function slotsAre(url: string, running: number, waiting: number): Promise<void> {
  let text = '';
  for (let i = 0; i < 200; i++) {
    text = await readMetrics(url);
    if (text.includes(`\nhttp_client_requests_running ${running}\n`) && text.includes(`\nhttp_client_requests_waiting ${waiting}\n`)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`slots never reached ${running} running, ${waiting} waiting:\n${text.split('\n').filter((l) => l.startsWith('http_client')).join('\n')}`);
}

describe('per-client concurrency: one client cannot take the others\' turns', () => {
  let own: OwnServer;
  beforeAll(async () => { own = await startOwnServer({ clientLimit: { concurrency: 1, queue: 1 }, metrics: { host: '127.0.0.1', port: 0, token: METRICS_TOKEN } }); });
  afterAll(async () => { await own?.close(); });

  it('over its running and waiting requests a client gets 429 RATE_LIMITED with Retry-After; another client is served', async () => {
    const q = '{ company(id: "coupang") { name } }';
    const running = send(own.url, '127.0.0.2', q, true);
    await slotsAre(own.url, 1, 0);
    const waiting = send(own.url, '127.0.0.2', q, true);
    await slotsAre(own.url, 1, 1);
    const refused = await send(own.url, '127.0.0.2', q).answer;
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBe('1');
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.errors[0].message).toMatch(/at most 1 run at once and 1 wait/);

    // Another client has its own slots while the first one's are all taken.
    const other = await send(own.url, '127.0.0.3', q).answer;
    expect(other.status).toBe(200);
    expect(other.body.data).toEqual({ company: { name: 'Coupang' } });

    // The first client's requests are answered in turn, and then it is served again.
    waiting.release();
    running.release();
    expect((await running.answer).status).toBe(200);
    expect((await waiting.answer).status).toBe(200);
    expect((await send(own.url, '127.0.0.2', q).answer).status).toBe(200);
    await slotsAre(own.url, 0, 0);
    const metrics = await readMetrics(own.url);
    expect(metrics).toMatch(/^http_requests_rejected_total\{reason="RATE_LIMITED"\} 1$/m);
  });

  it('routes other than /graphql are not limited', async () => {
    const running = send(own.url, '127.0.0.4', '{ __typename }', true);
    const waiting = send(own.url, '127.0.0.4', '{ __typename }', true);
    await slotsAre(own.url, 1, 1);
    const res = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: new URL(own.url).port, path: '/health', localAddress: '127.0.0.4', agent: false }, (r) => { r.resume(); resolve(r.statusCode!); }).on('error', reject).end();
    });
    expect(res).toBe(200);
    running.release();
    waiting.release();
    await Promise.all([running.answer, waiting.answer]);
  });
});
