import { EventEmitter, setMaxListeners } from 'node:events';
import { DatabaseUnavailable, type DownReason } from './faults.js';

/**
 * Whether Neo4j answers, as this process last saw it. Two kinds of evidence move it: the local
 * Neo4j's process exiting (the supervisor holds it down until the restart is ready) and the
 * background probe (src/graph/probe.ts). Queries read it before they start, so a request fails
 * at once while Neo4j is known to be down instead of waiting out driver retries; and the signal
 * it aborts when Neo4j goes down stops the queries in flight.
 *
 * Events: 'down' (reason), 'up', 'suspect' (a query saw a connection fault: probe now).
 */
export class Availability extends EventEmitter {
  #down: { reason: DownReason; since: number } | null = null;
  #held = false;
  #epoch = openEpoch();
  #lastAnswerAt = 0;
  /** Set by the prober: answers within timeoutMs whether Neo4j answers now. */
  checker?: (timeoutMs: number) => Promise<boolean>;

  get isUp(): boolean {
    return this.#down === null;
  }

  get reason(): DownReason | null {
    return this.#down?.reason ?? null;
  }

  /** When the current outage began (ms since the epoch), or null while up. */
  get downSince(): number | null {
    return this.#down?.since ?? null;
  }

  /** When Neo4j last answered a query (performance.now()): under load, proof it is not frozen. */
  get lastAnswerAt(): number {
    return this.#lastAnswerAt;
  }

  /** A query got an answer from Neo4j (rows or an error of its own). */
  answered(): void {
    this.#lastAnswerAt = performance.now();
  }

  /** Aborted (with a DatabaseUnavailable) the moment Neo4j is declared down. */
  get signal(): AbortSignal {
    return this.#epoch.signal;
  }

  markDown(reason: DownReason): void {
    if (this.#held) return;
    this.#set(reason);
  }

  markUp(): void {
    if (this.#held || this.#down === null) return;
    this.#down = null;
    this.#epoch = openEpoch();
    this.emit('up');
  }

  /** Down for a reason only its owner knows the end of (a restart); probes cannot lift it. */
  hold(reason: DownReason): void {
    this.#held = false;
    this.#set(reason);
    this.#held = true;
  }

  /** The owner's reason is over; the next probe that answers brings it up. */
  release(): void {
    this.#held = false;
    this.emit('suspect');
  }

  /** A query met a connection fault: worth probing now rather than at the next interval. */
  suspect(): void {
    this.emit('suspect');
  }

  /** Readiness: false at once while down, else whatever the probe sees within timeoutMs. */
  async check(timeoutMs: number): Promise<boolean> {
    if (this.#held) return false;
    return this.checker ? this.checker(timeoutMs) : this.isUp;
  }

  #set(reason: DownReason): void {
    const wasUp = this.#down === null;
    if (!wasUp && this.#down!.reason === reason) return;
    this.#down = { reason, since: wasUp ? Date.now() : this.#down!.since };
    if (wasUp) this.#epoch.abort(new DatabaseUnavailable(reason));
    this.emit('down', reason);
  }
}

/** Every query in flight listens on this signal: hundreds of listeners are expected, not a leak. */
function openEpoch(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
