import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';
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
}

/**
 * The only way the server talks to Neo4j: named queries, always parameterised, reads routed to
 * readers and writes to the leader, each with a transaction timeout so nothing hangs.
 */
export class Graph {
  constructor(
    readonly driver: Driver,
    readonly queries: QueryRegistry,
    readonly options: GraphOptions,
  ) {}

  async read<T extends RecordShape = RecordShape>(name: string | BuiltQuery, params: Record<string, unknown> = {}, stats?: QueryStats, timeoutMs?: number): Promise<T[]> {
    return this.run<T>(name, params, 'READ', stats, timeoutMs);
  }

  async write<T extends RecordShape = RecordShape>(name: string, params: Record<string, unknown> = {}, stats?: QueryStats): Promise<T[]> {
    return this.run<T>(name, params, 'WRITE', stats);
  }

  private async run<T extends RecordShape>(query: string | BuiltQuery, params: Record<string, unknown>, mode: 'READ' | 'WRITE', stats?: QueryStats, timeoutMs?: number): Promise<T[]> {
    const { name, text } = typeof query === 'string' ? { name: query, text: this.queries.get(query) } : query;
    const started = performance.now();
    if (stats) stats.queries += 1;
    try {
      const result = await this.driver.executeQuery(text, params, {
        database: this.options.database,
        routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
        transactionConfig: { timeout: timeoutMs ?? this.options.timeoutMs, metadata: { query: name } },
      });
      return result.records.map((r) => r.toObject() as T);
    } finally {
      if (stats) stats.dbMs += performance.now() - started;
    }
  }
}
