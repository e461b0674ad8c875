import neo4j, { type Driver, type QueryResult, type Transaction } from 'neo4j-driver';

/**
 * The write side of the database boundary: the only way the tools that change the graph (the seed
 * loader, the importers, the synthetic generator, the start-up preparation) reach Neo4j. The
 * server's reads go through Graph (graph.ts); these callers run long, few, explicit units of work
 * where they decide what commits together, so each method below names its transaction rule.
 *
 * A statement is text, or a query of the registry with its name: the name goes into the
 * transaction's metadata ({ query: name }, as Graph does), so Neo4j's query log and
 * SHOW TRANSACTIONS say what is running. Errors are the driver's own (Neo4jError): callers read
 * their code and message to say which line or row failed.
 */
export type Statement = string | { name: string; text: string };

export interface WriteOptions {
  /** Budget of the transaction, enforced by Neo4j (default: the server's own limit). */
  timeoutMs?: number;
  /** Added to the transaction's metadata (with the statement's name, when it has one). */
  metadata?: Record<string, string>;
}

/** What Neo4j counted for one statement. */
export interface WriteCounts {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
  indexesAdded: number;
  indexesRemoved: number;
  constraintsAdded: number;
  constraintsRemoved: number;
}

export interface StatementResult {
  /** The rows, as plain objects keyed by column. */
  records: Record<string, unknown>[];
  counts: WriteCounts;
}

type Params = Record<string, unknown>;

/** An explicit transaction: statements run in it until the caller commits or rolls it back. */
export interface WriteTransaction {
  /** A statement inside the transaction (its name is not used: metadata is set when the transaction begins). */
  run(statement: Statement, params?: Params): Promise<StatementResult>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  isOpen(): boolean;
}

/** One session of writes: statements that each commit on their own, in order, or explicit transactions. */
export interface WriteSession {
  /** One statement as its own (auto-commit) transaction: never retried, never grouped with another. */
  run(statement: Statement, params?: Params, options?: WriteOptions): Promise<StatementResult>;
  /** Opens an explicit transaction on this session; the caller commits or rolls it back. */
  begin(options?: WriteOptions): Promise<WriteTransaction>;
}

export class GraphWriter {
  constructor(readonly driver: Driver, readonly database: string) {}

  /**
   * One statement in a managed write transaction (the driver's executeQuery): routed to the
   * leader and retried on transient failures, so it must be safe to run twice. For single
   * statements that write or check as one unit: a batch of rows, a removal, an index wait.
   */
  async query(statement: Statement, params: Params = {}, options: WriteOptions = {}): Promise<StatementResult> {
    const { text, transactionConfig } = prepare(statement, options);
    const result = await this.driver.executeQuery(text, params, { database: this.database, routing: neo4j.routing.WRITE, transactionConfig });
    return resultOf(result);
  }

  /**
   * One statement as its own auto-commit transaction, in a session of its own, not retried: what
   * Neo4j only runs that way (CALL { ... } IN TRANSACTIONS, which commits its own batches).
   */
  async run(statement: Statement, params: Params = {}, options: WriteOptions = {}): Promise<StatementResult> {
    return this.session((s) => s.run(statement, params, options));
  }

  /**
   * `work` in ONE explicit write transaction, not retried: committed when `work` resolves (rolled
   * back instead when `rollback` is set: a dry run that did every write), rolled back when it
   * throws. Its error, or the commit's, is what this rejects with.
   */
  async transaction<T>(work: (tx: WriteTransaction) => Promise<T>, options: WriteOptions & { rollback?: boolean } = {}): Promise<T> {
    return this.session(async (s) => {
      const tx = await s.begin(options);
      try {
        const out = await work(tx);
        if (options.rollback) await tx.rollback();
        else await tx.commit();
        return out;
      } catch (e) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw e;
      }
    });
  }

  /**
   * A write session for `work`, closed when `work` settles (an open transaction is rolled back
   * with it): for a caller that decides statement by statement what commits together, and must
   * tell a transaction that did not start from one that did not commit (the seed loader).
   */
  async session<T>(work: (session: WriteSession) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await work({
        run: async (statement, params = {}, options = {}) => {
          const { text, transactionConfig } = prepare(statement, options);
          return resultOf(await session.run(text, params, transactionConfig));
        },
        begin: async (options = {}) => openTransaction(await session.beginTransaction(configOf(undefined, options))),
      });
    } finally {
      await session.close();
    }
  }
}

function openTransaction(tx: Transaction): WriteTransaction {
  return {
    run: async (statement, params = {}) => resultOf(await tx.run(textOf(statement), params)),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
    isOpen: () => tx.isOpen(),
  };
}

interface TransactionConfig { timeout?: number; metadata?: Record<string, string> }

function prepare(statement: Statement, options: WriteOptions): { text: string; transactionConfig: TransactionConfig } {
  return { text: textOf(statement), transactionConfig: configOf(typeof statement === 'string' ? undefined : statement.name, options) };
}

const textOf = (statement: Statement): string => (typeof statement === 'string' ? statement : statement.text);

/** The driver's transaction config: only what was given, so an empty one changes nothing. */
function configOf(name: string | undefined, options: WriteOptions): TransactionConfig {
  const config: TransactionConfig = {};
  if (options.timeoutMs !== undefined) config.timeout = options.timeoutMs;
  if (name || options.metadata) config.metadata = { ...options.metadata, ...(name ? { query: name } : {}) };
  return config;
}

function resultOf(result: Pick<QueryResult, 'records' | 'summary'>): StatementResult {
  const updates = result.summary.counters.updates();
  const counts = {} as WriteCounts;
  for (const k of COUNT_KEYS) counts[k] = Number(updates[k] ?? 0);
  return { records: result.records.map((r) => r.toObject() as Record<string, unknown>), counts };
}

const COUNT_KEYS: (keyof WriteCounts)[] = [
  'nodesCreated', 'nodesDeleted', 'relationshipsCreated', 'relationshipsDeleted', 'propertiesSet',
  'labelsAdded', 'labelsRemoved', 'indexesAdded', 'indexesRemoved', 'constraintsAdded', 'constraintsRemoved',
];
