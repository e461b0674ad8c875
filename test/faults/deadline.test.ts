import { describe, expect, it } from 'vitest';
import { Availability } from '../../src/graph/availability.js';
import { withDeadline } from '../../src/graph/deadline.js';
import { DatabaseUnavailable, QueryDeadlineExceeded } from '../../src/graph/faults.js';

/** The two mechanisms behind the fault tests, on their own: no database involved. */
describe('withDeadline', () => {
  const never = (signal: AbortSignal, seen: { aborted?: unknown }) => new Promise<never>(() => {
    signal.addEventListener('abort', () => { seen.aborted = signal.reason; });
  });

  it('gives the answer when it comes in time', async () => {
    await expect(withDeadline(async () => 42, 1000, () => new QueryDeadlineExceeded(1000))).resolves.toBe(42);
  });

  it('stops waiting at the deadline and aborts the work', async () => {
    const seen: { aborted?: unknown } = {};
    const t0 = performance.now();
    const err = await withDeadline((s) => never(s, seen), 50, () => new QueryDeadlineExceeded(50)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(QueryDeadlineExceeded);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    expect(seen.aborted).toBe(err);
  });

  it('stops waiting when the database goes down, with its reason', async () => {
    const availability = new Availability();
    const seen: { aborted?: unknown } = {};
    const pending = withDeadline((s) => never(s, seen), 60_000, () => new QueryDeadlineExceeded(60_000), availability.signal);
    availability.markDown('not-responding');
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailable);
    expect((err as DatabaseUnavailable).reason).toBe('not-responding');
    expect(seen.aborted).toBe(err);
  });
});

describe('Availability', () => {
  it('a restart holds it down until its owner releases it; then an answer brings it up', () => {
    const a = new Availability();
    const first = a.signal;
    a.hold('restarting');
    expect(first.aborted).toBe(true);
    a.markUp();
    a.markDown('unreachable');
    expect(a.reason).toBe('restarting');
    a.release();
    expect(a.isUp).toBe(false);
    a.markUp();
    expect(a.isUp).toBe(true);
    expect(a.signal.aborted).toBe(false);
  });
});
