import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '../errors.js';
import { databaseFault } from '../graph/faults.js';
import { currentLogContext, withLogContext, type Logger } from '../logger.js';

/** What requests meet while Neo4j is down, frozen or saturated: counted, not logged one by one. */
export const OUTAGE_CODES: ReadonlySet<string> = new Set([ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.QUERY_TIMEOUT, ErrorCode.OVERLOADED]);

export interface FailureSummaryOptions {
  /** How often a count is written while failures keep coming (default 10 s). */
  intervalMs?: number;
}

interface Tally {
  failed: number;
  byCode: Record<string, number>;
  /** Date.now() when counting began (the first failure of a window; the outage's start). */
  since: number;
  /** The last cause of each code, as the server saw it (a driver message, a down reason): for the log only. */
  lastError: Record<string, string>;
}

/**
 * Requests that failed with an outage code (OUTAGE_CODES), summed instead of logged one by one:
 * during an outage every request fails, and a line each buried the log (issue 28: 2,500 lines
 * a second). While failures happen, one warn line every intervalMs:
 * `{ failed, byCode, since, lastError }` "N requests failed in the last 10 s: SERVICE_UNAVAILABLE N";
 * none while nothing fails. Between `down()` and `recovered()` (Neo4j declared down, then
 * answering again) the failures are summed too, and the sum is one info line at `recovered()`.
 * Each request keeps its own access line, with its code (`code`) and request id. The timer is
 * unref'd; `stop()` writes what is pending and ends it.
 */
export class FailureSummary {
  readonly intervalMs: number;
  #window: Tally | null = null;
  #outage: Tally | null = null;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(private readonly log: Logger, o: FailureSummaryOptions = {}) {
    this.intervalMs = o.intervalMs ?? 10_000;
  }

  /** One request failed with `code` (one of OUTAGE_CODES); `cause`, what the server saw, if known. */
  record(code: string, cause?: string): void {
    if (this.#stopped) return;
    this.#window = add(this.#window ?? tally(), code, cause);
    if (this.#outage) add(this.#outage, code, cause);
    if (!this.#timer) {
      // Started while a request is served: outside its log context, or its id would be on every count.
      this.#timer = withLogContext({}, () => setInterval(() => this.#tick(), this.intervalMs));
      this.#timer.unref();
    }
  }

  /** Neo4j was declared down: failures from now on are summed for `recovered()` too. */
  down(): void {
    this.#outage ??= tally();
  }

  /** Neo4j answers again: the outage's count, in one line (none if no request failed in it). */
  recovered(): void {
    const outage = this.#outage;
    this.#outage = null;
    if (!outage) return;
    // Counted in the outage's line: the next periodic line starts from zero.
    this.#window = null;
    const s = ((Date.now() - outage.since) / 1000).toFixed(1);
    if (outage.failed === 0) return;
    this.log.info({ ...fields(outage), outageS: Number(s) }, `${plural(outage.failed)} failed while Neo4j was unavailable (${s} s): ${codes(outage)}`);
  }

  /** Shutdown: writes the pending count, ends the timer; later failures are not counted. */
  stop(): void {
    this.#stopped = true;
    this.#tick();
    this.#clear();
  }

  #tick(): void {
    const window = this.#window;
    this.#window = null;
    // A quiet interval: no line, and no timer until the next failure.
    if (!window) {
      this.#clear();
      return;
    }
    this.log.warn({ ...fields(window) }, `${plural(window.failed)} failed in the last ${this.intervalMs / 1000} s: ${codes(window)}`);
  }

  #clear(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}

function tally(): Tally {
  return { failed: 0, byCode: {}, since: Date.now(), lastError: {} };
}

function add(t: Tally, code: string, cause: string | undefined): Tally {
  t.failed += 1;
  t.byCode[code] = (t.byCode[code] ?? 0) + 1;
  if (cause) t.lastError[code] = cause;
  return t;
}

function fields(t: Tally): Record<string, unknown> {
  return { failed: t.failed, byCode: t.byCode, since: new Date(t.since).toISOString(), ...(Object.keys(t.lastError).length ? { lastError: t.lastError } : {}) };
}

function plural(n: number): string {
  return n === 1 ? '1 request' : `${n} requests`;
}

function codes(t: Tally): string {
  return Object.entries(t.byCode).map(([code, n]) => `${code} ${n}`).join(', ');
}

/**
 * Counts each GraphQL request whose first outage error (OUTAGE_CODES) the client gets, once per
 * request, with the cause the server saw (a driver message never reaches the client; it reaches
 * the summary's lastError). Every failed request's access line (`request`) gets `code`: its first
 * error code, so a request id still leads to what happened to it.
 */
export function failureLogPlugin<C extends BaseContext>(summary: FailureSummary): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const causes = new Map<string, string>();
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) {
            const original = unwrapResolverError(e);
            const cause = original instanceof Error && 'originalError' in original && original.originalError instanceof Error ? original.originalError : original;
            const fault = databaseFault(cause);
            if (fault && !causes.has(fault.code)) causes.set(fault.code, firstLine(cause));
          }
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          if (!errors?.length) return;
          const first = errors[0]?.extensions?.code;
          const fields = currentLogContext();
          if (fields && typeof first === 'string') fields.code = first;
          const outage = errors.map((e) => e.extensions?.code).find((c): c is string => typeof c === 'string' && OUTAGE_CODES.has(c));
          if (outage) summary.record(outage, causes.get(outage));
        },
      };
    },
  };
}

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]!.slice(0, 200);
}
