import neo4j, { type Driver, type Record as Neo4jRecord, type RecordShape } from 'neo4j-driver';
import { NEO4J_DEFAULTS } from '../config.js';
import { endQuerySpan, startQuerySpan } from '../telemetry/neo4j.js';
import { Availability } from './availability.js';
import type { Consistency } from './bookmarks.js';
import { withDeadline } from './deadline.js';
import { DatabaseUnavailable, QueryDeadlineExceeded, isOutageSymptom } from './faults.js';
import type { QueryRegistry } from './queries.js';

/** A query built at run time from the registry's parts (the read compiler's output). */
export interface BuiltQuery {
  /** What the query is for, for logs and transaction metadata ("compiled/Query.incident"). */
  name: string;
  text: string;
}

/** Counts what one request (or one CLI run) asked of Neo4j; read by tests and benchmarks. */
export interface QueryStats {
  queries: number;
  dbMs: number;
  /** Round trips that only had Neo4j plan a query text new to this process (src/read/reader.ts). */
  plans?: number;
}

export interface GraphOptions {
  database: string;
  timeoutMs: number;
  /** The tighter budget of open-ended graph searches (paths, neighbourhoods). */
  searchTimeoutMs?: number;
  /** How long past a query's budget the client waits before it gives up on Neo4j (default: NEO4J_DEFAULTS, src/config.ts). */
  deadlineMarginMs?: number;
  /** How long a read that failed transiently is tried again (default: NEO4J_DEFAULTS). */
  maxRetryTimeMs?: number;
  /** Most changes a read as recorded at an instant undoes (RECORDED_AS_OF_MAX_CHANGES; src/read/recordedAsOf.ts). */
  recordedMaxChanges?: number;
}

/**
 * The only way the server talks to Neo4j: named queries, always parameterised, reads routed to
 * readers and writes to the leader. Every query has two bounds: the transaction timeout Neo4j
 * enforces, and a client-side deadline a little later for when Neo4j cannot enforce it (frozen,
 * partitioned). While Neo4j is known to be down, queries fail at once without being sent.
 */
export class Graph {
  constructor(
    readonly driver: Driver,
    readonly queries: QueryRegistry,
    readonly options: GraphOptions,
    readonly availability: Availability = new Availability(),
  ) {}

  /** `after`: bookmarks of writes this read must see, from another process's transactions (src/graph/bookmarks.ts). */
  async read<T extends RecordShape = RecordShape>(name: string | BuiltQuery, params: Record<string, unknown> = {}, stats?: QueryStats, timeoutMs?: number,
    after: readonly string[] = []): Promise<T[]> {
    return this.run<T>(name, params, 'READ', stats, timeoutMs, after);
  }

  async write<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}, stats?: QueryStats): Promise<T[]> {
    return this.run<T>(name, params, 'WRITE', stats);
  }

  /**
   * Several named statements in ONE managed write transaction, routed to the leader (the
   * curators' mutations: a check, the write, its history). `work` runs them through `run`; it is
   * committed when `work` resolves and rolled back when it throws. The driver tries a transient
   * failure again from the start (the whole of `work`), so nothing half-done is ever committed.
   * With `rollback`, it is never committed: a read of the graph as it was recorded at an instant
   * (src/read/recordedAsOf.ts) puts the past back, reads it and leaves nothing behind.
   */
  async transaction<T>(name: string, work: (run: <R extends RecordShape = RecordShape>(query: string | BuiltQuery, params?: Record<string, unknown>) => Promise<R[]>) => Promise<T>,
    stats?: QueryStats, metadata: Record<string, string> = {}, consistency?: Consistency, rollback?: { timeoutMs?: number | undefined }): Promise<T> {
    const { availability } = this;
    if (!availability.isUp) throw new DatabaseUnavailable(availability.reason!);
    const budget = rollback?.timeoutMs ?? this.options.timeoutMs;
    const deadline = budget + (this.options.deadlineMarginMs ?? NEO4J_DEFAULTS.deadlineMarginMs);
    const started = performance.now();
    // The transaction's span, each statement's under it (named by their definitions, never their text).
    const span = startQuerySpan(name, 'WRITE', this.options.database);
    let error: unknown;
    try {
      const out = await withDeadline(async (signal) => {
        const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.WRITE,
          bookmarkManager: this.driver.executeQueryBookmarkManager, bookmarks: consistency?.after.length ? [...consistency.after] : undefined });
        const close = () => { void session.close(); };
        signal.addEventListener('abort', close, { once: true });
        try {
          const result = await session.executeWrite(async (tx) => {
            const value = await work(async <R extends RecordShape>(query: string | BuiltQuery, params: Record<string, unknown> = {}) => {
              if (stats) stats.queries += 1;
              const { name: statementName, text } = typeof query === 'string' ? { name: query, text: this.queries.get(query) } : query;
              const statement = startQuerySpan(statementName, 'WRITE', this.options.database, span);
              try {
                const records = (await tx.run(text, params)).records;
                endQuerySpan(statement, records.length);
                return records.map((r) => r.toObject() as R);
              } catch (e) {
                endQuerySpan(statement, undefined, e);
                throw e;
              }
            });
            // Not a Neo4j error: the driver rolls the transaction back and does not try it again.
            if (rollback) throw new RolledBack(value);
            return value;
          }, { timeout: budget, metadata: { ...metadata, query: name } }).catch((e: unknown) => {
            if (e instanceof RolledBack) return e.value as T;
            throw e;
          });
          // Committed: what another replica's reads wait for, handed to the client (Graph-Bookmark).
          if (consistency && !rollback) consistency.written = session.lastBookmarks();
          return result;
        } finally {
          signal.removeEventListener('abort', close);
          await session.close().catch(() => {});
        }
      }, deadline, () => new QueryDeadlineExceeded(deadline), availability.signal);
      availability.answered();
      return out;
    } catch (e) {
      error = e;
      if (!isOutageSymptom(e)) {
        if (e instanceof neo4j.Neo4jError) availability.answered();
        throw e;
      }
      availability.suspect();
      throw availability.isUp ? e : new DatabaseUnavailable(availability.reason!);
    } finally {
      if (stats) stats.dbMs += performance.now() - started;
      endQuerySpan(span, undefined, error);
    }
  }

  private async run<T extends RecordShape>(query: string | BuiltQuery, params: Record<string, unknown>, mode: 'READ' | 'WRITE', stats?: QueryStats, timeoutMs?: number,
    after: readonly string[] = []): Promise<T[]> {
    const { name, text } = typeof query === 'string' ? { name: query, text: this.queries.get(query) } : query;
    const { availability } = this;
    if (!availability.isUp) throw new DatabaseUnavailable(availability.reason!);
    const budget = timeoutMs ?? this.options.timeoutMs;
    const deadline = budget + (this.options.deadlineMarginMs ?? NEO4J_DEFAULTS.deadlineMarginMs);
    const started = performance.now();
    if (stats) stats.queries += 1;
    // Undefined unless tracing is on (src/telemetry/): named by the definition, never the text.
    const span = startQuerySpan(name, mode, this.options.database);
    try {
      const transactionConfig = { timeout: budget, metadata: { query: name } };
      const result = await withDeadline((signal) => mode === 'READ'
        ? this.autoCommitRead(text, params, transactionConfig, signal, after)
        : this.driver.executeQuery(text, params, { database: this.options.database, routing: neo4j.routing.WRITE, transactionConfig, signal }),
      deadline, () => new QueryDeadlineExceeded(deadline), availability.signal);
      availability.answered();
      endQuerySpan(span, result.records.length);
      return result.records.map((r) => r.toObject() as T);
    } catch (e) {
      endQuerySpan(span, undefined, e);
      if (!isOutageSymptom(e)) {
        if (e instanceof neo4j.Neo4jError) availability.answered(); // an error of Neo4j's own is an answer too
        throw e;
      }
      availability.suspect();
      // A connection that could not be had because Neo4j stopped answering is an outage, not load.
      throw availability.isUp ? e : new DatabaseUnavailable(availability.reason!);
    } finally {
      if (stats) stats.dbMs += performance.now() - started;
    }
  }

  /**
   * A read as one auto-commit query: RUN and PULL in one write, where a managed transaction adds
   * BEGIN and COMMIT (a second round trip, and two socket writes that cost more CPU per request
   * than the rest of the driver's work). A read changes nothing, so what the managed transaction
   * gave is kept here: a transient failure (a lost connection, a leader switch, a deadlock) is
   * tried again with backoff for maxRetryTimeMs, as the driver's executeRead would.
   */
  private async autoCommitRead(text: string, params: Record<string, unknown>, config: { timeout: number; metadata: Record<string, string> },
    signal: AbortSignal, after: readonly string[]): Promise<{ records: Neo4jRecord[] }> {
    const retryUntil = performance.now() + (this.options.maxRetryTimeMs ?? NEO4J_DEFAULTS.maxRetryTimeMs);
    for (let delay = RETRY_FIRST_DELAY_MS; ; delay *= 2) {
      // The bookmark manager the writes (executeQuery) use: in a cluster a read still sees them;
      // and the bookmarks of another replica's writes, when the client brought them.
      const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager, bookmarks: after.length ? [...after] : undefined });
      const close = () => { void session.close(); };
      signal.addEventListener('abort', close, { once: true });
      try {
        return { records: (await session.run(text, params, config)).records };
      } catch (e) {
        if (signal.aborted || !neo4j.Neo4jError.isRetriable(e) || performance.now() + delay > retryUntil) throw e;
      } finally {
        signal.removeEventListener('abort', close);
        // What the query answered, or why it failed, stands: a failing close cannot change it.
        await session.close().catch(() => {});
      }
      await new Promise((resolve) => setTimeout(resolve, delay * (0.8 + Math.random() * 0.4)));
    }
  }
}

/** How a transaction that must not commit (Graph.transaction's `rollback`) hands its value out of the driver's executeWrite. */
class RolledBack {
  constructor(readonly value: unknown) {}
}

/** First pause before a read is tried again; doubled each time (the driver's own schedule). */
const RETRY_FIRST_DELAY_MS = 1000;
