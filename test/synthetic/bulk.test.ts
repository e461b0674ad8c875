import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { bulkLoad, BulkRefused, type BulkResult } from '../../src/synthetic/bulk.js';
import { generateGraph } from '../../src/synthetic/load.js';
import { createLogger } from '../../src/logger.js';
import { testDriver } from '../support/api.js';

// The bulk path (CSV, neo4j-admin import, schema, seeds, derived values) on a Neo4j of its own,
// then the online path (UNWIND batches) over the same database: both must write the same graph,
// node for node, property for property (with its type), relationship for relationship.
// Under a folder named by this process's id: a suite starting meanwhile (test/support/globalSetup.ts)
// removes every folder of .neo4j/test not named by a live process, and must not remove this one.
const HOME = fileURLToPath(new URL(`../../.neo4j/test/${process.pid}/bulk`, import.meta.url));
const OPTIONS = { incidents: 300, seed: 11 };
const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn' });
const log = createLogger('warn');

let db: Database | undefined;
let result: BulkResult;

beforeAll(async () => {
  rmSync(HOME, { recursive: true, force: true });
  ({ db, result } = await bulkLoad(config, log, { ...OPTIONS, home: HOME, workers: 2 }));
}, 1_200_000);

afterAll(async () => {
  await db?.close();
  rmSync(HOME, { recursive: true, force: true });
});

/** Everything about the synthetic graph and every label and type count, in a stable order. */
async function snapshot(driver: Driver) {
  const q = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: 'neo4j' })).records
    .map((r) => Object.fromEntries(Object.entries(r.toObject()).map(([k, v]) => [k, k === 'labels' || k === 'types' ? [...(v as string[])].sort() : v])));
  return {
    nodes: await q(`MATCH (n:Synthetic)
      RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, [k IN keys(n) | k + ':' + valueType(n[k])] AS types ORDER BY id`),
    relationships: await q(`MATCH (a)-[r]->(b) WHERE a:Synthetic OR b:Synthetic
      RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props,
             [k IN keys(r) | k + ':' + valueType(r[k])] AS types ORDER BY from, type, to`),
    labels: await q('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label'),
    types: await q('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type'),
    references: await q('MATCH (n:Country|DataCategory) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id'),
  };
}

describe('bulk load (npm run generate -- --bulk)', () => {
  it('imports the same graph as the online path writes', async () => {
    const bulk = await snapshot(db!.driver);
    expect(bulk.nodes.length).toBe(result.nodesCreated);
    expect(bulk.relationships.length).toBe(result.relationshipsCreated);

    const online = await generateGraph(db!.driver, 'neo4j', db!.graph.queries, { ...OPTIONS, batchSize: 40, parallel: 3 });
    expect(online.nodesCreated).toBe(result.nodesCreated);
    expect(online.relationshipsCreated).toBe(result.relationshipsCreated);
    const again = await snapshot(db!.driver);

    expect(again.labels).toEqual(bulk.labels);
    expect(again.types).toEqual(bulk.types);
    expect(again.references).toEqual(bulk.references);
    expect(again.relationships).toEqual(bulk.relationships);
    expect(again.nodes).toEqual(bulk.nodes);
    // The derived values ran on the imported graph too.
    expect(bulk.nodes.find((n) => n.id === 'syn-incident-0000001')!.props).toHaveProperty('sortAccounts');
  }, 900_000);

  it('gives the curated nodes it imported as bare ids everything the seeds give them', async () => {
    const suite = testDriver();
    try {
      const read = async (d: Driver, database: string) => (await d.executeQuery(
        'MATCH (n:Country|DataCategory) RETURN n.id AS id, labels(n) AS labels, n {.*, exposedIncidents: null} AS props ORDER BY id',
        {}, { database })).records.map((r) => ({ ...r.toObject(), labels: [...r.get('labels')].sort() }));
      expect(await read(db!.driver, 'neo4j')).toEqual(await read(suite, inject('database')));
    } finally {
      await suite.close();
    }
  });

  it('refuses a database it cannot stop: NEO4J_URI', async () => {
    const external = loadConfig({ ...process.env, NEO4J_URI: 'bolt://db.example:7687', NEO4J_ALLOW_PLAIN_REMOTE: 'true' });
    await expect(bulkLoad(external, log, { ...OPTIONS, home: HOME })).rejects.toThrow(/NEO4J_URI is set \(bolt:\/\/db\.example:7687\).*without --bulk/);
  });

  it('refuses a local database that holds data, and names the way out', async () => {
    await db!.close();
    db = undefined;
    const err = await bulkLoad(config, log, { ...OPTIONS, home: HOME }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BulkRefused);
    expect((err as Error).message).toMatch(/holds [\d,]+ nodes; --bulk loads only an empty one\. Add --replace/);
  }, 600_000);
});
