import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { graphql, type ExecutionResult } from 'graphql';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { createContext } from '../../src/server/context.js';
import { buildApiSchema } from '../../src/server/executableSchema.js';
import { neo4jEnv, testDriver } from '../support/api.js';

/** Ids this test run writes start with this: unique per run, so parallel files and reruns never meet. */
export const RUN = `test-curation-${randomBytes(3).toString('hex')}`;

export const db = () => inject('database');

/**
 * A test's own incident and publisher, written with the driver: the curators' mutations add to
 * them, never to the seeded facts other test files assert. No country and no company, so no
 * list or statistic other files count sees them.
 */
export async function fixtures(name: string): Promise<{ incident: string; publisher: string }> {
  const driver = testDriver();
  const incident = `${RUN}-${name}-incident`;
  const publisher = `${RUN}-${name}-publisher`;
  try {
    await driver.executeQuery(`
      CREATE (:Incident:Entity {id: $incident, title: $incident, kind: 'OTHER'})
      CREATE (:Publisher:Entity {id: $publisher, name: $publisherName, aliases: []})`,
    { incident, publisher, publisherName: `Curation Test Press ${RUN} ${name}` }, { database: db() });
  } finally {
    await driver.close();
  }
  return { incident, publisher };
}

/** Everything this run wrote: its entities and the changes that touched them. */
export async function cleanUp(): Promise<void> {
  const driver = testDriver();
  try {
    // Live, retracted and merged nodes alike (src/write/), the changes that touched them and the
    // idempotency keys of those changes.
    await driver.executeQuery(`
      CALL () {
        MATCH (n:Entity) WHERE n.id STARTS WITH $run OR n.url STARTS WITH $url RETURN n
        UNION MATCH (n:Retracted) WHERE n.id STARTS WITH $run OR n.url STARTS WITH $url RETURN n
        UNION MATCH (n:Redirect) WHERE n.id STARTS WITH $run RETURN n
      }
      OPTIONAL MATCH (n)<-[:CHANGED|CITED]-(c:Change)
      OPTIONAL MATCH (k:IdempotencyKey) WHERE k.change = c.id
      DETACH DELETE n, c, k`, { run: RUN, url: `https://curation.test/${RUN}` }, { database: db() });
  } finally {
    await driver.close();
  }
}

/** A URL no other run uses. */
export const testUrl = (name: string) => `https://curation.test/${RUN}/${name}`;

/** Reads the graph directly (what a refused write left behind). */
export async function cypher<T = Record<string, unknown>>(query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const driver = testDriver();
  try {
    const { records } = await driver.executeQuery(query, params, { database: db() });
    return records.map((r) => r.toObject() as T);
  } finally {
    await driver.close();
  }
}

/**
 * The schema executed in this process with a given actor in the context (as the identity plugin
 * puts it there), for the resolvers' own rules without HTTP.
 */
export async function inProcess(env: Record<string, string> = {}): Promise<{ run: (query: string, variables?: Record<string, unknown>, actor?: Record<string, unknown>, idempotencyKey?: string) => Promise<ExecutionResult<any>>; close(): Promise<void> }> {
  const config = loadConfig({ ...process.env, ...neo4jEnv(), NEO4J_DATABASE: db(), ...env });
  const database: Database = await openDatabase(config, createLogger('warn', 'json'));
  const schema = buildApiSchema();
  return {
    run: (source, variableValues, actor, idempotencyKey) => graphql({ schema, source, variableValues, contextValue: { ...createContext(database.graph, undefined, undefined, idempotencyKey), actor } }) as Promise<ExecutionResult<any>>,
    close: async () => { await database.close(); },
  };
}
