import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';
import { Availability } from './availability.js';
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
  /** How long past a query's budget the client waits before it gives up on Neo4j (default 2 s). */
  deadlineMarginMs?: number;
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

  async read<T extends RecordShape = RecordShape>(name: string | BuiltQuery, params: Record<string, unknown> = {}, stats?: QueryStats, timeoutMs?: number): Promise<T[]> {
    return this.run<T>(name, params, 'READ', stats, timeoutMs);
  }

  async write<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}, stats?: QueryStats): Promise<T[]> {
    return this.run<T>(name, params, 'WRITE', stats);
  }

  private async run<T extends RecordShape>(query: string | BuiltQuery, params: Record<string, unknown>, mode: 'READ' | 'WRITE', stats?: QueryStats, timeoutMs?: number): Promise<T[]> {
    const { name, text } = typeof query === 'string' ? { name: query, text: this.queries.get(query) } : query;
    const { availability } = this;
    if (!availability.isUp) throw new DatabaseUnavailable(availability.reason!);
    const budget = timeoutMs ?? this.options.timeoutMs;
    const deadline = budget + (this.options.deadlineMarginMs ?? 2000);
    const started = performance.now();
    if (stats) stats.queries += 1;
    try {
      const result = await withDeadline((signal) => this.driver.executeQuery(text, params, {
        database: this.options.database,
        routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
        transactionConfig: { timeout: budget, metadata: { query: name } },
        signal,
      }), deadline, () => new QueryDeadlineExceeded(deadline), availability.signal);
      availability.answered();
      return result.records.map((r) => r.toObject() as T);
    } catch (e) {
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
}
