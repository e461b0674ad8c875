import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { applySchema, loadFile, seedFiles, SeedError } from '../../src/seed/load.js';
import { testDriver } from '../support/api.js';

const driver = testDriver();
const database = () => inject('database');
afterAll(() => driver.close());

/** A seed file in a fresh temporary folder. */
function seedFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'seed-')), name);
  writeFileSync(file, content);
  return file;
}

async function counts() {
  const { records } = await driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels', {}, { database: database() });
  return { nodes: records[0]!.get('nodes') as number, rels: records[0]!.get('rels') as number };
}

describe('seed loading against the real Neo4j', () => {
  it('loading every seed file again changes no count (idempotent)', async () => {
    const before = await counts();
    expect(before.nodes).toBeGreaterThan(100);
    await applySchema(driver, database());
    for (const f of seedFiles()) {
      const r = await loadFile(driver, database(), f);
      expect(r.nodesCreated, r.file).toBe(0);
      expect(r.relationshipsCreated, r.file).toBe(0);
    }
    expect(await counts()).toEqual(before);
  });

  it('a file with a syntax error names the file and line, and writes nothing of it', async () => {
    const file = seedFile('99-broken.cypher', [
      '// A valid statement first: it must be rolled back with the rest.',
      "MERGE (c:Company:Entity {id: 'test-broken-seed-company'}) SET c.name = 'x';",
      '',
      "MERGE (c:Company:Entity {id: 'test-broken-seed-2'})",
      "SET c.name = 'y' RETRUN c;",
    ].join('\n'));
    const before = await counts();
    const err = await loadFile(driver, database(), file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedError);
    expect((err as SeedError).file).toBe('99-broken.cypher');
    expect((err as SeedError).line).toBe(5);
    expect((err as SeedError).message).toMatch(/^99-broken\.cypher:5: .*RETRUN/);
    expect(await counts()).toEqual(before);
  });

  it('--dry-run validates by running and rolling back', async () => {
    const file = seedFile('50-new.cypher', ":param name => 'Dry Run Co';\nMERGE (c:Company:Entity {id: 'test-dry-run-company'}) SET c.name = $name;\n");
    const before = await counts();
    const r = await loadFile(driver, database(), file, { dryRun: true });
    expect(r.nodesCreated).toBe(1);
    expect(await counts()).toEqual(before);
  });

  it('a constraint violation is reported against its line and rolls the file back', async () => {
    // "coupang" exists as a Company; creating an Incident with the same id breaks Entity.id uniqueness.
    const file = seedFile('51-dup.cypher', "MERGE (x:Company:Entity {id: 'test-dup-company'});\n\nCREATE (i:Incident:Entity {id: 'coupang', title: 'dup', kind: 'OTHER'});\n");
    const before = await counts();
    const err = await loadFile(driver, database(), file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SeedError);
    expect((err as SeedError).line).toBe(3);
    expect(await counts()).toEqual(before);
  });
});
