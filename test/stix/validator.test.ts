import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { Graph } from '../../src/graph/graph.js';
import { QueryRegistry } from '../../src/graph/queries.js';
import { loadFile, seedFiles } from '../../src/seed/load.js';
import type { Bundle } from '../../src/stix/bundle.js';
import { incidentBundle } from '../../src/stix/read.js';
import { generateGraph } from '../../src/synthetic/load.js';
import { testDriver } from '../support/api.js';
import { requireInCi, runPython } from './python.js';

// Every curated incident's bundle and a sample of synthetic ones through the OASIS validator
// (stix2-validator, pinned in .ci/requirements.txt): no errors. Its warnings are printed: the
// expected ones are listed in docs/stix.md (UUIDv5 ids, our relationship types, URLs without hashes).
const ready = requireInCi('stix2validator');
const queries = new QueryRegistry();
const driver = testDriver();
const db = () => inject('database');
const graph = new Graph(driver, queries, { database: inject('database'), timeoutMs: 60_000 });
const dir = mkdtempSync(join(tmpdir(), 'stix-validator-'));
const bundles = new Map<string, Bundle>();

async function incidentIds(synthetic: boolean): Promise<string[]> {
  const { records } = await driver.executeQuery(
    `MATCH (i:Incident) WHERE (i:Synthetic) = $synthetic RETURN i.id AS id ORDER BY id`, { synthetic }, { database: db() });
  return records.map((r) => r.get('id') as string);
}

beforeAll(async () => {
  // 60 synthetic incidents, of which every fourth is exported (the generator's fan-out: estimates,
  // exposures, investigations by one or more authorities, fines with reports, suspects).
  await generateGraph(driver, db(), queries, { incidents: 60, seed: 29, batchSize: 60 });
  const curated = await incidentIds(false);
  const synthetic = (await incidentIds(true)).filter((_, k) => k % 4 === 0);
  for (const id of [...curated, ...synthetic]) bundles.set(id, (await incidentBundle(graph, id))!);
}, 600_000);

afterAll(async () => {
  const session = driver.session({ database: db() });
  await session.run(queries.get('synthetic/clear')).finally(() => session.close());
  await loadFile(driver, db(), seedFiles().find((f) => f.endsWith('99-derived-values.cypher'))!);
  await driver.close();
  rmSync(dir, { recursive: true, force: true });
});

it('exports every curated incident and the synthetic sample', async () => {
  expect((await incidentIds(false)).length).toBeGreaterThanOrEqual(7);
  expect(bundles.size).toBe((await incidentIds(false)).length + 15);
  for (const [id, b] of bundles) {
    expect(b, id).not.toBeNull();
    expect(b.objects.filter((o) => o.type === 'incident')).toHaveLength(1);
  }
});

it('an unknown incident has no bundle', async () => {
  expect(await incidentBundle(graph, 'no-such-incident')).toBeNull();
});

it('the same graph gives the same bundle, byte for byte', async () => {
  const [id, first] = [...bundles][0]!;
  expect(JSON.stringify(await incidentBundle(graph, id))).toBe(JSON.stringify(first));
});

it('every reference in a bundle names an object of the bundle, except a related incident', () => {
  for (const [id, b] of bundles) {
    const ids = new Set(b.objects.map((o) => o.id));
    const refs: string[] = [];
    const walk = (v: unknown, key = '') => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      else if (typeof v === 'string' && /_refs?$/.test(key)) refs.push(v);
    };
    for (const o of b.objects) {
      if (o.type === 'relationship' && o.relationship_type === 'related-to') continue;
      walk(o);
    }
    expect(refs.filter((r) => !ids.has(r)), id).toEqual([]);
  }
});

describe.skipIf(!ready)('the OASIS validator', () => {
  it('finds no error in any bundle', () => {
    const files = [...bundles].map(([id, b]) => {
      const file = join(dir, `${id}.json`);
      writeFileSync(file, JSON.stringify(b));
      return file;
    });
    const results = JSON.parse(runPython('validate.py', files)) as Record<string, { valid: boolean; errors: string[]; warnings: string[] }>;
    expect(Object.keys(results)).toHaveLength(bundles.size);
    const errors = Object.entries(results).flatMap(([f, r]) => r.errors.map((e) => `${f}: ${e}`));
    expect(errors).toEqual([]);
    expect(Object.values(results).every((r) => r.valid)).toBe(true);
    // The warnings, by their code, for the record.
    const codes = new Map<string, number>();
    for (const r of Object.values(results)) {
      for (const w of r.warnings) {
        const code = /\{(\d+)\}/.exec(w)?.[1] ?? w.replace(/^[^:]*: /, '').slice(0, 60);
        codes.set(code, (codes.get(code) ?? 0) + 1);
      }
    }
    console.log(`stix2-validator warnings by code: ${JSON.stringify(Object.fromEntries(codes))}`);
  }, 300_000);
});
