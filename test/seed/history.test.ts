import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { loadFile, planFiles, runPlans, SCHEMA_FILE, seedFiles } from '../../src/seed/load.js';
import { gql, testDriver } from '../support/api.js';
import { seedFile } from './seedFile.js';

// Issue 24: the seed loader records each seed file's writes as a Change of a system actor
// (seed:<file>), in the file's transaction, so history(id:) of a seeded entity names its file.
const driver = testDriver();
const database = () => inject('database');
const q = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database: database() })).records.map((r) => r.toObject());

const PREFIX = 'test-seed-history-';
afterEach(async () => {
  await q(`MATCH (n:Entity) WHERE n.id STARTS WITH $p
    OPTIONAL MATCH (n)<-[:CHANGED]-(c:Change) WHERE c.actorSubject STARTS WITH 'seed:7'
    DETACH DELETE n, c`, { p: PREFIX });
});
afterAll(() => driver.close());

const HISTORY = `query($id: ID!) { history(id: $id, first: 100) { edges { node {
  id at operation actor { subject role } requestId entities sources { id } properties { entity } } } } }`;

const seedChanges = async () => (await q("MATCH (c:Change) WHERE c.actorSubject STARTS WITH 'seed:' RETURN count(c) AS n"))[0]!.n as number;

describe('seed files are recorded in the history', () => {
  it('history(id: "coupang-breach-2025") lists the SEED change of 04-coupang-breach-2025.cypher, which created it', async () => {
    const r = await gql(HISTORY, { id: 'coupang-breach-2025' });
    expect(r.errors).toBeUndefined();
    const seeds = r.data.history.edges.map((e: any) => e.node).filter((n: any) => n.operation === 'SEED');
    expect(seeds).toHaveLength(1);
    const [c] = seeds;
    expect(c.actor).toEqual({ subject: 'seed:04-coupang-breach-2025.cypher', role: 'system' });
    expect(c.requestId).toBeNull();
    expect(c.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(c.properties).toEqual([]);
    // Every entity the file created, and nothing an earlier file created.
    expect(c.entities).toEqual(expect.arrayContaining(['coupang-breach-2025', 'coupang-breach-2025--name']));
    expect(c.entities).not.toContain('coupang');
    expect(c.sources.map((s: any) => s.id)).toContain('azzet-coupang-2025');
    const [stored] = await q('MATCH (c:Change {id: $id}) RETURN c {.*} AS c, COUNT { (c)-[:CHANGED]->() } AS changed', { id: c.id });
    expect(stored!.c).toMatchObject({
      operation: 'SEED', actorSubject: 'seed:04-coupang-breach-2025.cypher', actorRole: 'system', properties: '[]', links: '[]',
      detail: expect.stringMatching(/^seeds\/04-coupang-breach-2025\.cypher: \+\d+ nodes/),
    });
    expect(stored!.c.actorTokenId ?? null).toBeNull();
    expect([...(stored!.c.created as string[])].sort()).toEqual([...c.entities].sort());
    expect(stored!.changed).toBe(c.entities.length);
  });

  it('every seeded entity has exactly one SEED change, and each fact file one change; 99-derived-values records none', async () => {
    const [row] = await q(`MATCH (n:Entity) WHERE NOT n:Synthetic AND n.catalogue IS NULL AND NOT n.id STARTS WITH 'test-'
      WITH n, COUNT { (n)<-[:CHANGED]-(:Change {operation: 'SEED'}) } AS seeds, COUNT { (n)<-[:CHANGED]-(:Change) } AS changes
      RETURN count(n) AS entities, sum(CASE WHEN changes = 0 THEN 1 ELSE 0 END) AS unrecorded, max(seeds) AS most`);
    expect(row!.entities).toBeGreaterThan(100);
    expect(row!.unrecorded).toBe(0);
    expect(row!.most).toBe(1);
    const files = await q("MATCH (c:Change {operation: 'SEED'}) RETURN c.actorSubject AS subject, count(*) AS n ORDER BY subject");
    const expected = seedFiles().map((f) => `seed:${f.split('/').pop()}`).filter((s) => s !== 'seed:99-derived-values.cypher');
    expect(files).toEqual(expected.map((subject) => ({ subject, n: 1 })));
  });

  it('a second run of every seed file adds no change', async () => {
    const before = await seedChanges();
    const results = await runPlans(driver, database(), planFiles([SCHEMA_FILE, ...seedFiles()]));
    expect(results.every((r) => r.change === undefined)).toBe(true);
    expect(await seedChanges()).toBe(before);
  }, 180_000);

  it('a new file: its change links what it created, not nodes that were there unrecorded; in its transaction', async () => {
    // A node written outside any change (as in a database seeded before changes were recorded).
    await q("CREATE (:Company:Entity {id: 'test-seed-history-legacy', name: 'Legacy'})");
    const file = seedFile('70-history.cypher', [
      "MERGE (c:Company:Entity {id: 'test-seed-history-a'}) SET c.name = 'History A';",
      "MERGE (c:Company:Entity {id: 'test-seed-history-b'}) SET c.name = 'History B'",
      "WITH c MATCH (s:Source {id: 'azzet-coupang-2025'}) MERGE (c)-[:SOURCED_FROM {claim: 'general'}]->(s);",
    ].join('\n'));
    const r = await loadFile(driver, database(), file);
    expect(r.change).toEqual({ id: expect.stringMatching(/^change-[0-9a-f-]{36}$/), entities: 2 });
    const h = await gql(HISTORY, { id: 'test-seed-history-b' });
    expect(h.data.history.edges.map((e: any) => [e.node.operation, e.node.actor.subject, e.node.entities, e.node.sources.map((s: any) => s.id)]))
      .toEqual([['SEED', 'seed:70-history.cypher', ['test-seed-history-a', 'test-seed-history-b'], ['azzet-coupang-2025']]]);
    expect((await gql(HISTORY, { id: 'test-seed-history-legacy' })).data.history.edges).toEqual([]);
    // Loaded again: nothing created, nothing recorded.
    const again = await loadFile(driver, database(), file);
    expect(again.change).toBeUndefined();
    expect((await q("MATCH (c:Change {actorSubject: 'seed:70-history.cypher'}) RETURN count(c) AS n"))[0]!.n).toBe(1);
  });

  it('a dry run records nothing, and a file that fails records nothing', async () => {
    const before = (await q('MATCH (c:Change) RETURN count(c) AS n'))[0]!.n;
    const dry = seedFile('71-dry.cypher', "MERGE (c:Company:Entity {id: 'test-seed-history-dry'});\n");
    const r = await loadFile(driver, database(), dry, { dryRun: true });
    expect(r.nodesCreated).toBe(1);
    expect(r.change).toBeUndefined();
    const broken = seedFile('72-broken.cypher', "MERGE (c:Company:Entity {id: 'test-seed-history-broken'});\nRETRUN 1;\n");
    await expect(loadFile(driver, database(), broken)).rejects.toThrow(/72-broken\.cypher:2/);
    expect((await q('MATCH (c:Change) RETURN count(c) AS n'))[0]!.n).toBe(before);
    expect(await q("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-seed-history-' RETURN n.id")).toEqual([]);
  });

  it('a caller that records no change (the synthetic bulk load) gets none', async () => {
    const file = seedFile('74-unrecorded.cypher', "MERGE (c:Company:Entity {id: 'test-seed-history-unrecorded'});\n");
    const r = await loadFile(driver, database(), file, { recordChanges: false });
    expect(r.nodesCreated).toBe(1);
    expect(r.change).toBeUndefined();
    expect(await q("MATCH (c:Change {actorSubject: 'seed:74-unrecorded.cypher'}) RETURN c.id")).toEqual([]);
  });

  it('a file of batched statements, which commit on their own, records its change right after its last one', async () => {
    const file = seedFile('73-batched.cypher',
      "UNWIND ['a', 'b'] AS x CALL (x) { MERGE (:Company:Entity {id: 'test-seed-history-batch-' + x}) } IN TRANSACTIONS OF 1 ROWS;\n");
    const r = await loadFile(driver, database(), file);
    expect(r.mode).toBe('autocommit');
    expect(r.change?.entities).toBe(2);
    const [c] = await q("MATCH (c:Change {actorSubject: 'seed:73-batched.cypher'}) RETURN COLLECT { MATCH (c)-[:CHANGED]->(n) RETURN n.id ORDER BY n.id } AS ids");
    expect(c!.ids).toEqual(['test-seed-history-batch-a', 'test-seed-history-batch-b']);
  });
});
