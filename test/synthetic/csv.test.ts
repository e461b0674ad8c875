import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvFile, list, text } from '../../src/synthetic/csvFile.js';
import { incidentRows } from '../../src/synthetic/rows.js';
import { writeSyntheticCsv } from '../../src/synthetic/writeCsv.js';

const dir = mkdtempSync(join(tmpdir(), 'incident-graph-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CSV dialect of neo4j-admin import', () => {
  it('quotes only what needs quotes; null and empty arrays are no field; an empty string stays one', () => {
    expect(text('plain words')).toBe('plain words');
    expect(text('a, b')).toBe('"a, b"');
    expect(text('say "hi"')).toBe('"say ""hi"""');
    expect(text('two\nlines')).toBe('"two\nlines"');
    expect(text('')).toBe('""');
    expect(text(null)).toBe('');
    expect(list([])).toBe('');
    expect(list(['x', 'y, z'])).toBe('"x;y, z"');
    expect(() => list(['a;b'])).toThrow(/array delimiter/);
  });

  it('writes lines in order, long ones too', async () => {
    const f = new CsvFile(join(dir, 'lines.csv'), ['id:ID', 'name']);
    const long = 'x'.repeat(200_000);
    for (let k = 0; k < 5000; k++) f.add(`${k},${k === 2500 ? long : `n${k}`}\n`);
    await f.close();
    const lines = readFileSync(join(dir, 'lines.csv'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(5001);
    expect(lines[0]).toBe('id:ID,name');
    expect(lines[2501]).toBe(`2500,${long}`);
    expect(lines[5000]).toBe('4999,n4999');
    expect(f.rows).toBe(5000);
  });
});

describe('writeSyntheticCsv', () => {
  it('writes every incident once, whatever the number of writer processes', async () => {
    const o = { incidents: 25_000, seed: 3 };
    const one = await writeSyntheticCsv(join(dir, 'one'), o, { workers: 1 });
    const incidentsOf = (files: string[]) => files.slice(1).flatMap((f) => readFileSync(f, 'utf8').trimEnd().split('\n').map((l) => l.split(',')[1]));
    const ids = incidentsOf(one.files.nodes.find((n) => n.labels[0] === 'Incident')!.files);
    expect(ids).toEqual(incidentRows(o, 0, o.incidents).map((r) => r.id));

    const two = await writeSyntheticCsv(join(dir, 'two'), o, { workers: 2 });
    expect(two.nodes).toBe(one.nodes);
    expect(two.relationships).toBe(one.relationships);
    expect(two.references).toEqual(one.references);
    const incidentFiles = two.files.nodes.find((n) => n.labels[0] === 'Incident')!.files;
    expect(incidentFiles.map((f) => basename(f))).toEqual(['nodes-incident.header.csv', 'nodes-incident.0.csv', 'nodes-incident.1.csv']);
    expect(incidentsOf(incidentFiles)).toEqual(ids);
    expect(readFileSync(incidentFiles[0]!, 'utf8')).toBe(':ID,id,title,kind,summary,accessStart,disclosedOn,origin\n');
  }, 300_000);

  it('gives every node a key of its own, and every relationship keys of written nodes', async () => {
    const csv = await writeSyntheticCsv(join(dir, 'keys'), { incidents: 3_000, seed: 5 }, { workers: 1 });
    const rows = (files: string[]) => files.slice(1).flatMap((f) => readFileSync(f, 'utf8').trimEnd().split('\n'));
    const keys = new Map<string, string>();
    for (const g of csv.files.nodes) {
      for (const line of rows(g.files)) {
        const [key, id] = line.split(',');
        expect(key).toMatch(/^\d+$/);
        expect(keys.get(key!), `key ${key} of ${id}`).toBeUndefined();
        keys.set(key!, id!);
      }
    }
    expect(keys.size).toBe(csv.nodes + csv.references.Country.length + csv.references.DataCategory.length);
    const ids = new Set(keys.values());
    expect(ids.size).toBe(keys.size); // and no id under two keys
    let relationships = 0;
    for (const g of csv.files.relationships) {
      for (const line of rows(g.files)) {
        const [from, to] = line.split(',');
        expect(keys.has(from!) && keys.has(to!), `${g.type} ${line}`).toBe(true);
        relationships++;
      }
    }
    expect(relationships).toBe(csv.relationships);
  }, 120_000);
});
