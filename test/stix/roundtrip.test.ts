import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Database } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { Graph } from '../../src/graph/graph.js';
import { QueryRegistry } from '../../src/graph/queries.js';
import { createLogger } from '../../src/logger.js';
import { applySchema, loadFile, seedFiles } from '../../src/seed/load.js';
import type { Bundle, StixObject } from '../../src/stix/bundle.js';
import { importBundle } from '../../src/stix/import.js';
import { MAX_BUNDLE_BYTES } from '../../src/stix/parse.js';
import { incidentBundle } from '../../src/stix/read.js';
import { GRAPH_EXTENSION } from '../../src/stix/vocab.js';
import { neo4jEnv, testDriver } from '../support/api.js';

// Export -> import -> export: every curated incident's bundle, imported into a graph of its own
// with only the reference data (countries, data categories, publishers: seeds/01-reference.cypher),
// gives back the same facts: the same bundles, but for the times (the import's own change). And
// `npm run import -- stix` on bad bundles: clear errors naming the file and the object, nothing written.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const HOME = fileURLToPath(new URL(`../../.neo4j/test/${process.pid}/stix-roundtrip`, import.meta.url));
const queries = new QueryRegistry();
const driver = testDriver();
const graph = new Graph(driver, queries, { database: inject('database'), timeoutMs: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'stix-import-'));
const exported = new Map<string, Bundle>();
let empty: Database | undefined;

beforeAll(async () => {
  const { records } = await driver.executeQuery('MATCH (i:Incident) WHERE NOT i:Synthetic RETURN i.id AS id ORDER BY id', {}, { database: inject('database') });
  for (const r of records) exported.set(r.get('id') as string, (await incidentBundle(graph, r.get('id') as string))!);
}, 120_000);

afterAll(async () => {
  await empty?.close();
  await driver.close();
  rmSync(HOME, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

/** A bundle without what an import cannot keep: the times, which are its own change's. */
function facts(b: Bundle): StixObject[] {
  return b.objects.map((o) => {
    const { created: _c, modified: _m, ...rest } = o;
    if (o.type === 'report' && typeof o.published === 'string' && !o.published.endsWith('T00:00:00.000Z')) delete rest.published;
    return rest as StixObject;
  });
}

describe('the round trip', () => {
  beforeAll(async () => {
    rmSync(HOME, { recursive: true, force: true });
    const config = loadConfig({ ...process.env, NEO4J_URI: '', NEO4J_LOCAL_PORT: '0', LOG_LEVEL: 'warn' });
    empty = await openDatabase(config, createLogger('warn'), HOME);
    await applySchema(empty.driver, 'neo4j');
    await loadFile(empty.driver, 'neo4j', seedFiles().find((f) => f.endsWith('01-reference.cypher'))!);
  }, 600_000);

  it('every curated incident\'s bundle, imported into a graph without them, exports again as the same facts', async () => {
    expect(exported.size).toBeGreaterThanOrEqual(7);
    const db = empty!;
    const before = (await db.driver.executeQuery('MATCH (i:Incident) RETURN count(i) AS n')).records[0]!.get('n');
    expect(before).toBe(0);
    // A dry run writes nothing.
    const [firstId, first] = [...exported][0]!;
    const dry = await importBundle(db.driver, 'neo4j', queries, first, { dryRun: true });
    expect(dry.created.length).toBeGreaterThan(0);
    expect((await db.driver.executeQuery('MATCH (i:Incident) RETURN count(i) AS n')).records[0]!.get('n')).toBe(0);
    expect(await incidentBundle(db.graph, firstId)).toBeNull();

    for (const b of exported.values()) {
      const r = await importBundle(db.driver, 'neo4j', queries, b);
      expect(r.change).toMatch(/^change-/);
    }
    for (const [id, b] of exported) {
      const again = await incidentBundle(db.graph, id);
      expect(again, id).not.toBeNull();
      expect(facts(again!), id).toEqual(facts(b));
    }
  }, 600_000);

  it('a second import of the same bundles changes nothing and records nothing', async () => {
    const db = empty!;
    const changes = async () => (await db.driver.executeQuery("MATCH (c:Change {actorSubject: 'import:stix'}) RETURN count(c) AS n")).records[0]!.get('n');
    const n = await changes();
    expect(n).toBe(exported.size);
    for (const b of exported.values()) {
      const r = await importBundle(db.driver, 'neo4j', queries, b);
      expect([r.created, r.changed, r.relationshipsCreated, r.change]).toEqual([[], [], 0, undefined]);
    }
    expect(await changes()).toBe(n);
  }, 600_000);

  it('each imported node cites the import\'s change, as the history shows it', async () => {
    const { records } = await empty!.driver.executeQuery(
      "MATCH (i:Incident {id: 'skt-breach-2025'})<-[:CHANGED]-(c:Change) RETURN c.operation AS op, c.actorSubject AS actor");
    expect(records.map((r) => [r.get('op'), r.get('actor')])).toEqual([['IMPORT', 'import:stix']]);
  });
});

interface Run { code: number; stdout: string; stderr: string }

async function cli(args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', ...args],
      { cwd: ROOT, env: { ...process.env, ...neo4jEnv(), NEO4J_DATABASE: inject('database'), LOG_LEVEL: 'warn' } });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? String(e) };
  }
}

describe('npm run import -- stix: bad bundles are refused whole, naming the file and the object', () => {
  const counts = async () => (await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS rels',
    {}, { database: inject('database') })).records[0]!.toObject();
  const write = (name: string, bundle: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, typeof bundle === 'string' ? bundle : JSON.stringify(bundle));
    return file;
  };
  const skt = () => structuredClone(exported.get('skt-breach-2025')!);
  const incidentIndex = (b: Bundle) => b.objects.findIndex((o) => o.type === 'incident');

  it('unknown object types, dangling references, a wrong spec_version, a file over the limit, not JSON: exit 1, each named, nothing written', async () => {
    const before = await counts();
    const unknown = skt();
    unknown.objects.push({ type: 'malware', spec_version: '2.1', id: 'malware--11111111-1111-4111-8111-111111111111', name: 'x', is_family: false } as never);
    const dangling = skt();
    const rel = dangling.objects.findIndex((o) => o.type === 'relationship' && o.relationship_type === 'targets');
    (dangling.objects[rel] as Record<string, unknown>).target_ref = 'identity--22222222-2222-4222-8222-222222222222';
    const version = skt();
    version.objects[incidentIndex(version)]!.spec_version = '2.0';
    const huge = write('huge.json', '');
    truncateSync(huge, 50 * 1024 * 1024);
    const cases: [string, string, RegExp][] = [
      ['unknown.json', write('unknown.json', unknown), new RegExp(`^unknown\\.json: object ${unknown.objects.length - 1} \\(malware--11111111-1111-4111-8111-111111111111\\): type "malware" is not one this graph imports`, 'm')],
      ['dangling.json', write('dangling.json', dangling), new RegExp(`^dangling\\.json: object ${rel} \\(relationship--[0-9a-f-]{36}\\): target_ref names identity--22222222-2222-4222-8222-222222222222, which is not in the bundle`, 'm')],
      ['version.json', write('version.json', version), new RegExp(`^version\\.json: object ${incidentIndex(version)} \\(incident--[0-9a-f-]{36}\\): spec_version must be "2\\.1", not "2\\.0"`, 'm')],
      ['huge.json', huge, new RegExp(`^huge\\.json: 52428800 bytes: a bundle may have at most ${MAX_BUNDLE_BYTES} bytes`, 'm')],
      ['broken.json', write('broken.json', '{"type": "bundle", '), /^broken\.json: not JSON: /m],
    ];
    for (const [name, file, message] of cases) {
      const r = await cli(['stix', file]);
      expect(r.code, name).toBe(1);
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).toMatch(new RegExp(`${name.replace('.', '\\.')}: \\d+ problems?: nothing was imported\\.`));
    }
    expect(await counts()).toEqual(before);
  }, 300_000);

  it('an id the graph holds under another label: refused, nothing written', async () => {
    const before = await counts();
    const b = skt();
    const ext = (o: StixObject) => (o.extensions as Record<string, Record<string, unknown>> | undefined)?.[GRAPH_EXTENSION];
    const company = b.objects.find((o) => o.type === 'identity' && ext(o)?.graph_label === 'Company')!;
    ext(company)!.graph_id = 'pipc';
    const r = await cli(['stix', write('conflict.json', b)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^conflict\.json: pipc: the bundle has it as Company, the graph as Authority/m);
    expect(await counts()).toEqual(before);
  }, 120_000);

  it('an exported bundle, imported back into its own graph, changes nothing (a dry run says so too)', async () => {
    const before = await counts();
    const file = write('skt.json', exported.get('skt-breach-2025'));
    const dry = await cli(['stix', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Dry run \(rolled back\): \d+ nodes in the bundle: would create 0, would change 0/);
    const real = await cli(['stix', file]);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('Nothing changed: no change recorded.');
    expect(await counts()).toEqual(before);
  }, 120_000);
});
