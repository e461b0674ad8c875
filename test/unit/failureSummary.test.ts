import { GraphQLError } from 'graphql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DatabaseUnavailable } from '../../src/graph/faults.js';
import { createLogger, withLogContext } from '../../src/logger.js';
import { formatError } from '../../src/server/apollo.js';
import { failureLogPlugin, FailureSummary } from '../../src/server/failureSummary.js';

/** Issue 28: requests failed by an outage are counted in a line every interval, not logged one by one. */
function capture() {
  const lines: Record<string, any>[] = [];
  // The server's logger: its lines carry the fields of the request being served (reqId...).
  const log = createLogger('info', 'json', { write: (l: string) => lines.push(JSON.parse(l)) });
  return { lines, log };
}

describe('FailureSummary', () => {
  beforeEach(() => { vi.useFakeTimers(); vi.setSystemTime(new Date('2026-12-07T12:00:00Z')); });
  afterEach(() => { vi.useRealTimers(); });

  it('one warn line per interval while failures happen, with the count by code; none while quiet', () => {
    const { lines, log } = capture();
    const s = new FailureSummary(log, { intervalMs: 10_000 });
    for (let i = 0; i < 1000; i++) s.record('SERVICE_UNAVAILABLE', 'the database is not responding');
    for (let i = 0; i < 7; i++) s.record('QUERY_TIMEOUT');
    s.record('OVERLOADED', 'Connection acquisition timed out in 5000 ms.');
    expect(lines).toEqual([]);
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 40, failed: 1008, since: '2026-12-07T12:00:00.000Z',
      byCode: { SERVICE_UNAVAILABLE: 1000, QUERY_TIMEOUT: 7, OVERLOADED: 1 },
      lastError: { SERVICE_UNAVAILABLE: 'the database is not responding', OVERLOADED: 'Connection acquisition timed out in 5000 ms.' },
      msg: '1008 requests failed in the last 10 s: SERVICE_UNAVAILABLE 1000, QUERY_TIMEOUT 7, OVERLOADED 1',
    });
    // The next interval counts from zero.
    s.record('SERVICE_UNAVAILABLE');
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ failed: 1, byCode: { SERVICE_UNAVAILABLE: 1 }, msg: '1 request failed in the last 10 s: SERVICE_UNAVAILABLE 1' });
    // Quiet: no line, and the timer ends (nothing keeps ticking).
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
    s.record('OVERLOADED');
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(3);
    s.stop();
  });

  it('the outage\'s total when Neo4j answers again, in one info line; nothing when no request failed', () => {
    const { lines, log } = capture();
    const s = new FailureSummary(log, { intervalMs: 10_000 });
    s.recovered();
    s.down();
    s.recovered();
    expect(lines).toEqual([]);

    s.down();
    for (let i = 0; i < 30; i++) {
      s.record('SERVICE_UNAVAILABLE');
      vi.advanceTimersByTime(1000);
    }
    // A second 'down' (another reason) is the same outage.
    s.down();
    s.record('QUERY_TIMEOUT');
    vi.advanceTimersByTime(2000);
    s.recovered();
    const warns = lines.filter((l) => l.level === 40);
    expect(warns.map((l) => l.failed)).toEqual([10, 10, 10]);
    expect(lines.filter((l) => l.level === 30)).toEqual([expect.objectContaining({
      failed: 31, byCode: { SERVICE_UNAVAILABLE: 30, QUERY_TIMEOUT: 1 }, since: '2026-12-07T12:00:00.000Z', outageS: 32,
      msg: '31 requests failed while Neo4j was unavailable (32.0 s): SERVICE_UNAVAILABLE 30, QUERY_TIMEOUT 1',
    })]);
    // What the outage's line counted is not counted again.
    vi.advanceTimersByTime(10_000);
    expect(lines).toHaveLength(4);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stop() writes what is pending and counts nothing after', () => {
    const { lines, log } = capture();
    const s = new FailureSummary(log);
    s.record('SERVICE_UNAVAILABLE');
    s.record('SERVICE_UNAVAILABLE');
    s.stop();
    expect(lines).toEqual([expect.objectContaining({ failed: 2, msg: '2 requests failed in the last 10 s: SERVICE_UNAVAILABLE 2' })]);
    expect(vi.getTimerCount()).toBe(0);
    s.record('SERVICE_UNAVAILABLE');
    vi.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('failureLogPlugin and formatError', () => {
  it('a database fault is answered with its code, counted once per request, with no line of its own', async () => {
    const { lines, log } = capture();
    const summary = new FailureSummary(log, { intervalMs: 50 });
    const plugin = failureLogPlugin(summary);
    const cause = new DatabaseUnavailable('not-responding');
    const wrapped = new GraphQLError(cause.message, { originalError: cause });
    // Two fields failed in one request: two errors formatted, one request counted.
    const formatted = [0, 1].map(() => formatError({ message: wrapped.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, wrapped, log));
    expect(formatted[0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    const fields: Record<string, string | number | undefined> = { reqId: 'r-1' };
    await withLogContext(fields, async () => {
      const hooks = (await plugin.requestDidStart!({} as any))!;
      await hooks.didEncounterErrors!({ errors: [wrapped, wrapped] } as any);
      await hooks.willSendResponse!({ response: { body: { kind: 'single', singleResult: { errors: formatted } } } } as any);
    });
    // The access line of the request (written after this) carries its code.
    expect(fields).toEqual({ reqId: 'r-1', code: 'SERVICE_UNAVAILABLE' });
    expect(lines).toEqual([]);
    // The count is written by a timer started within the request: not with the request's fields.
    await new Promise((r) => setTimeout(r, 60));
    expect(lines).toEqual([{
      level: 40, time: expect.any(Number), failed: 1, byCode: { SERVICE_UNAVAILABLE: 1 }, since: expect.any(String),
      lastError: { SERVICE_UNAVAILABLE: 'the database is not responding' }, msg: '1 request failed in the last 0.05 s: SERVICE_UNAVAILABLE 1',
    }]);
    summary.stop();
  });

  it('other errors are not counted; the access line still gets the first code', async () => {
    const { lines, log } = capture();
    const summary = new FailureSummary(log);
    const fields: Record<string, string | number | undefined> = { reqId: 'r-2' };
    await withLogContext(fields, async () => {
      const hooks = (await failureLogPlugin(summary).requestDidStart!({} as any))!;
      await hooks.willSendResponse!({ response: { body: { kind: 'single', singleResult: { errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT' } }] } } } } as any);
    });
    expect(fields.code).toBe('BAD_USER_INPUT');
    summary.stop();
    expect(lines).toEqual([]);
  });
});
