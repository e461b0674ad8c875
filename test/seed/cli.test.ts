import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { neo4jEnv, testDriver } from '../support/api.js';
import { seedFile } from './seedFile.js';

// `npm run seed` as data staff run it, against the suite's Neo4j: what it prints is what happened.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const driver = testDriver();
const database = () => inject('database');
afterEach(() => driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-cli-' DETACH DELETE n", {}, { database: database() }));
afterAll(() => driver.close());

interface Run { code: number; stdout: string; stderr: string }

async function seed(...args: string[]): Promise<Run> {
  const files = args.filter((a) => a.endsWith('.cypher'));
  const env = {
    ...process.env,
    ...neo4jEnv(),
    NEO4J_DATABASE: database(),
    LOG_LEVEL: 'warn',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath,
      ['--import', 'tsx', 'src/cli/seed.ts', '--dir', dirname(files[0]!), ...args], { cwd: ROOT, env });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? String(e) };
  }
}

async function testIds(): Promise<string[]> {
  const { records } = await driver.executeQuery(
    "MATCH (n:Entity) WHERE n.id STARTS WITH 'test-cli-' RETURN n.id AS id ORDER BY id", {}, { database: database() });
  return records.map((r) => r.get('id') as string);
}

// Each test starts a process that compiles the CLI: generous time on a busy machine.
describe('npm run seed says exactly what was written', { timeout: 180_000 }, () => {
  it('"in transactions" in a string, a syntax error, a valid statement: says nothing of the file was written, and so it is', async () => {
    const file = seedFile('60-issue.cypher', [
      "MERGE (c:Company:Entity {id: 'test-cli-string'}) SET c.note = 'loaded in transactions of 5000 rows';",
      "MERGE (c:Company:Entity {id: 'test-cli-string-2'}) SET c.name = 'y' RETRUN c;",
      "MERGE (c:Company:Entity {id: 'test-cli-string-3'});",
    ].join('\n'));
    const r = await seed(file);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Seed failed at 60-issue\.cypher:2: Invalid input 'RETRUN'/);
    expect(r.stderr).toContain('Nothing from 60-issue.cypher was written: its transaction was rolled back.');
    expect(await testIds()).toEqual([]);
  });

  it('refuses a mixed file before anything runs, naming the file and the first line of each kind', async () => {
    const file = seedFile('61-mixed.cypher', [
      "MERGE (c:Company:Entity {id: 'test-cli-mixed'});",
      "UNWIND ['a'] AS x CALL (x) { MERGE (:Company:Entity {id: 'test-cli-mixed-' + x}) } IN TRANSACTIONS;",
    ].join('\n'));
    const r = await seed(file);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Seed failed at 61-mixed\.cypher:2: mixes .*\(first at line 1\).*\(first at line 2: CALL \{ \.\.\. \} IN TRANSACTIONS\)/);
    expect(r.stderr).toContain('Nothing was written: every file is checked before any of them runs.');
    expect(await testIds()).toEqual([]);
  });

  it('a batched file failing half-way: lists the statements that committed, the failing one and those not run', async () => {
    const file = seedFile('62-batched.cypher', [
      "UNWIND ['a'] AS x CALL (x) { MERGE (:Company:Entity {id: 'test-cli-batch-' + x}) } IN TRANSACTIONS;",
      "UNWIND ['b', 'coupang'] AS x CALL (x) { CREATE (:Incident:Entity {id: CASE x WHEN 'coupang' THEN x ELSE 'test-cli-batch-' + x END, title: x, kind: 'OTHER'}) } IN TRANSACTIONS OF 1 ROW;",
      "UNWIND ['c'] AS x CALL (x) { MERGE (:Company:Entity {id: 'test-cli-batch-' + x}) } IN TRANSACTIONS;",
    ].join('\n'));
    const r = await seed(file);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('Seed failed at 62-batched.cypher:2: ');
    expect(r.stderr).toContain('From 62-batched.cypher, whose statements each commit on their own, these committed before the failure: line 1 (+1 node, 1 property set, 2 labels added).');
    expect(r.stderr).toContain('The statement at line 2 failed after 1 batch of it committed.');
    expect(r.stderr).toContain('Not run: line 3.');
    expect(await testIds()).toEqual(['test-cli-batch-a', 'test-cli-batch-b']);
  });

  it('--dry-run of both kinds writes nothing and says which files ran and which were only planned', async () => {
    const tx = seedFile('63-one-transaction.cypher', "MERGE (c:Company:Entity {id: 'test-cli-dry'}) SET c.name = 'Dry';");
    const batched = seedFile('64-batched.cypher', "UNWIND ['x'] AS x CALL (x) { MERGE (:Company:Entity {id: 'test-cli-dry-' + x}) } IN TRANSACTIONS;");
    const r = await seed('--dry-run', tx, batched);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('63-one-transaction.cypher: 1 statement run and rolled back; would write +1 node, 2 properties set, 2 labels added');
    expect(r.stdout).toContain('64-batched.cypher: 1 statement only planned (EXPLAIN)');
    expect(r.stdout).toMatch(/Dry run, nothing written\. .*Only planned, not counted: constraints\.cypher, 64-batched\.cypher\./);
    expect(await testIds()).toEqual([]);
  });
});
