import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import neo4j, { type Driver, type Session, type Transaction } from 'neo4j-driver';
import { createDriver } from '../../src/graph/driver.js';
import { Graph } from '../../src/graph/graph.js';
import { QueryRegistry } from '../../src/graph/queries.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer } from '../../src/server/app.js';
import { neo4jLogin } from '../support/api.js';
import { INTERNALS, timedGql } from './support.js';

/**
 * Pool exhaustion, on the suite's shared Neo4j (nothing is written): an API whose driver has one
 * connection, held by an open transaction, answers OVERLOADED with Retry-After once the
 * acquisition timeout passes, instead of INTERNAL_SERVER_ERROR with the pool's status.
 */
describe('a full connection pool', () => {
  let driver: Driver;
  let server: RunningServer;
  let holder: { session: Session; tx: Transaction };

  beforeAll(async () => {
    driver = createDriver({ ...neo4jLogin(), poolSize: 1, acquisitionTimeoutMs: 300 });
    const graph = new Graph(driver, new QueryRegistry(), { database: inject('database'), timeoutMs: 5000 });
    server = await startServer(graph, createLogger('silent'), { port: 0, host: '127.0.0.1' });
    const session = driver.session({ database: inject('database'), defaultAccessMode: neo4j.session.READ });
    const tx = await session.beginTransaction();
    await tx.run('RETURN 1');
    holder = { session, tx };
  });

  afterAll(async () => {
    await holder?.tx.rollback();
    await holder?.session.close();
    await server?.close();
    await driver?.close();
  });

  it('answers OVERLOADED with Retry-After, without pool internals', async () => {
    const r = await timedGql(server.url.replace(/\/graphql$/, ''), '{ company(id: "coupang") { name } }');
    expect(r.code, r.body).toBe('OVERLOADED');
    expect(r.retryAfter).toBe('1');
    expect(r.body).not.toMatch(INTERNALS);
    expect(r.ms).toBeLessThan(10_000);
  });
});
