import neo4j, { type Driver } from 'neo4j-driver';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
  /** Most connections open at once (default 50). */
  poolSize?: number;
  /** TCP connect (default 3 s). */
  connectionTimeoutMs?: number;
  /** Wait for a free connection before the request is answered OVERLOADED (default 5 s). */
  acquisitionTimeoutMs?: number;
  /** How long transient failures are retried (default 3 s; the driver's own is 30 s). */
  maxRetryTimeMs?: number;
}

/** One driver per process: it owns the connection pool. Every wait it can make is bounded. */
export function createDriver(o: DriverOptions): Driver {
  return neo4j.driver(o.uri, neo4j.auth.basic(o.user, o.password), {
    // Counts in this graph stay far below 2^53; money and dates are stored as strings.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: o.poolSize ?? 50,
    connectionTimeout: o.connectionTimeoutMs ?? 3000,
    connectionAcquisitionTimeout: o.acquisitionTimeoutMs ?? 5000,
    maxTransactionRetryTime: o.maxRetryTimeMs ?? 3000,
    userAgent: 'incident-graph/0.1',
    // No usage report to Neo4j with every transaction: one message less per request.
    telemetryDisabled: true,
  });
}
