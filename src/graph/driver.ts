import neo4j, { type Driver } from 'neo4j-driver';
import { NEO4J_DEFAULTS } from '../config.js';

export interface DriverOptions {
  uri: string;
  user: string;
  password: string;
  /** Most connections open at once. Each option left out takes its NEO4J_DEFAULTS value (src/config.ts). */
  poolSize?: number;
  /** TCP connect. */
  connectionTimeoutMs?: number;
  /** Wait for a free connection before the request is answered OVERLOADED. */
  acquisitionTimeoutMs?: number;
  /** How long transient failures are retried (the driver's own default is 30 s). */
  maxRetryTimeMs?: number;
}

/** One driver per process: it owns the connection pool. Every wait it can make is bounded. */
export function createDriver(o: DriverOptions): Driver {
  return neo4j.driver(o.uri, neo4j.auth.basic(o.user, o.password), {
    // Counts in this graph stay far below 2^53; money and dates are stored as strings.
    disableLosslessIntegers: true,
    maxConnectionPoolSize: o.poolSize ?? NEO4J_DEFAULTS.poolSize,
    connectionTimeout: o.connectionTimeoutMs ?? NEO4J_DEFAULTS.connectionTimeoutMs,
    connectionAcquisitionTimeout: o.acquisitionTimeoutMs ?? NEO4J_DEFAULTS.acquisitionTimeoutMs,
    maxTransactionRetryTime: o.maxRetryTimeMs ?? NEO4J_DEFAULTS.maxRetryTimeMs,
    userAgent: 'incident-graph/0.1',
    // No usage report to Neo4j with every transaction: one message less per request.
    telemetryDisabled: true,
  });
}
