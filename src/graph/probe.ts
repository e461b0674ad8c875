import neo4j, { type AuthToken, type Driver } from 'neo4j-driver';
import type { Availability } from './availability.js';
import { settlesWithin } from './deadline.js';
import type { Logger } from '../logger.js';

export interface ProbeOptions {
  uri: string;
  auth: AuthToken;
  database: string;
  /** What it asks (cypher/schema/probe.cypher): answered by Neo4j itself, reading nothing. */
  query: string;
  intervalMs: number;
  /** A probe slower than this marks Neo4j down ('not-responding'). */
  timeoutMs: number;
  log?: Logger;
}

type Outcome = 'ok' | 'unreachable' | 'timeout';

/**
 * Asks Neo4j a trivial query (`RETURN 1`) every intervalMs, over a driver of its own with one connection, so a
 * full pool or a slow query never makes Neo4j look down, and a frozen Neo4j cannot take more
 * than that one connection from it. Feeds Availability: an answer brings it up, a refused or
 * lost connection marks it 'unreachable', no answer in time 'not-responding'.
 *
 * One probe is in flight at a time. One that outlives its timeout is still awaited: when a frozen
 * Neo4j resumes, its answer is the first sign of it. Past `abandonAfterMs` (a partition that
 * never ends) the driver is replaced so the next probe gets a fresh connection.
 */
export class Prober {
  #driver: Driver;
  /** startedAt: performance.now(), comparable with Availability.lastAnswerAt. */
  #inFlight: { promise: Promise<Outcome>; startedAt: number } | null = null;
  #timer: NodeJS.Timeout | undefined;
  #ticking = false;
  #stopped = false;
  readonly #abandonAfterMs: number;
  readonly #onSuspect = () => void this.#tick();

  constructor(private readonly o: ProbeOptions, private readonly availability: Availability) {
    this.#driver = this.#newDriver();
    this.#abandonAfterMs = Math.max(30_000, 10 * o.timeoutMs);
    availability.checker = (timeoutMs) => this.check(timeoutMs);
  }

  /**
   * The first query a fresh Neo4j runs loads its Cypher compiler: slow enough on a busy machine to
   * look like a freeze. Run it once, patiently, before judging by the timeout. True if it answered.
   */
  async warmUp(timeoutMs: number): Promise<boolean> {
    return (await within(this.#probe(), timeoutMs)) === 'ok';
  }

  start(): void {
    this.availability.on('suspect', this.#onSuspect);
    this.#schedule();
  }

  /** For /ready: whether Neo4j answers within timeoutMs. A timeout here does not mark it down. */
  async check(timeoutMs: number): Promise<boolean> {
    return (await this.#judge(timeoutMs, false)) === 'ok';
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.availability.off('suspect', this.#onSuspect);
    if (this.availability.checker) this.availability.checker = undefined;
    await settlesWithin(this.#driver.close(), 1000);
  }

  #newDriver(): Driver {
    return neo4j.driver(this.o.uri, this.o.auth, {
      maxConnectionPoolSize: 1,
      connectionTimeout: this.o.timeoutMs,
      connectionAcquisitionTimeout: this.o.timeoutMs,
      userAgent: 'incident-graph-probe/0.1',
    });
  }

  #schedule(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#tick(), this.o.intervalMs);
    this.#timer.unref();
  }

  async #tick(): Promise<void> {
    if (this.#ticking || this.#stopped) return;
    this.#ticking = true;
    try {
      await this.#judge(this.o.timeoutMs, true);
    } finally {
      this.#ticking = false;
      this.#schedule();
    }
  }

  async #judge(timeoutMs: number, markOnTimeout: boolean): Promise<Outcome> {
    const probe = this.#probe();
    const startedAt = this.#inFlight?.startedAt ?? performance.now();
    const outcome = await within(probe, timeoutMs);
    if (outcome === 'ok') this.availability.markUp();
    else if (outcome === 'unreachable') this.availability.markDown('unreachable');
    else if (this.availability.lastAnswerAt > startedAt) {
      // Slow, not frozen: other queries got answers while the probe waited (a busy machine).
      return 'ok';
    } else if (markOnTimeout) {
      if (this.availability.isUp) this.o.log?.warn(`Neo4j did not answer a probe within ${timeoutMs} ms`);
      this.availability.markDown('not-responding');
    }
    return outcome;
  }

  #probe(): Promise<Outcome> {
    if (this.#inFlight && performance.now() - this.#inFlight.startedAt > this.#abandonAfterMs) {
      const old = this.#driver;
      this.#driver = this.#newDriver();
      this.#inFlight = null;
      old.close().catch(() => {});
    }
    if (this.#inFlight) return this.#inFlight.promise;
    const driver = this.#driver;
    const promise = (async (): Promise<Outcome> => {
      // An auto-commit query: no driver retries, a refused connection fails at once.
      const session = driver.session({ database: this.o.database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.run(this.o.query);
        return 'ok';
      } catch {
        return 'unreachable';
      } finally {
        await session.close().catch(() => {});
      }
    })();
    const entry = { promise, startedAt: performance.now() };
    this.#inFlight = entry;
    // An answer that arrives after its timeout still counts: it is how a resumed Neo4j shows up.
    void promise.then((late) => {
      if (this.#inFlight === entry) this.#inFlight = null;
      if (this.#stopped || driver !== this.#driver) return;
      if (late === 'ok') this.availability.markUp();
      else this.availability.markDown('unreachable');
    });
    return promise;
  }
}

/** The probe's outcome, or 'timeout'; the check waits a turn so an answer already read wins. */
function within(p: Promise<Outcome>, ms: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => setImmediate(() => resolve('timeout')), ms);
    void p.then((o) => { clearTimeout(timer); resolve(o); });
  });
}
