import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { QueryRegistry } from '../../src/graph/queries.js';
import { gdprFines } from '../../src/import/catalogues/gdprFines.js';
import { readCatalogue } from '../../src/import/read.js';
import { importRecords, removeCatalogue } from '../../src/import/run.js';
import { gql, testDriver } from '../support/api.js';

// Issue 24: an import run records one Change of the importer (import:<catalogue>) in its
// transaction, linking what it created and changed; a dry run and a run that writes nothing
// record none. A small file of the GDPR catalogue's format: a fine and a decision of the curated
// ICO against a new company.
const driver = testDriver();
const queries = new QueryRegistry();
const db = () => inject('database');
const q = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database: db() })).records.map((r) => r.toObject());
const started = new Date().toISOString();

const dir = mkdtempSync(join(tmpdir(), 'import-history-'));
function catalogueFile(name: string, amount: string): string {
  const file = join(dir, name);
  writeFileSync(file, [gdprFines.columns.join('\t'),
    `1\tUnited Kingdom\t${amount}\tInformation Commissioner (ICO)\t2019-05-02\tHistory Test Widgets Ltd\tArt. 32 GDPR\tInsufficient technical and organisational measures to ensure information security\thttps://history-import.test/1`,
    '2\tUnited Kingdom\t0\tInformation Commissioner (ICO)\t2019-05-03\tHistory Test Widgets Ltd\tArt. 5 GDPR\tNon-compliance with general data processing principles\thttps://history-import.test/2',
  ].join('\n'));
  const read = readCatalogue(file, gdprFines);
  expect(read.fileProblems).toEqual([]);
  expect(read.records).toHaveLength(2);
  return file;
}
const records = (file: string) => readCatalogue(file, gdprFines).records;
const importChanges = async () => (await q("MATCH (c:Change {actorSubject: 'import:gdpr-fines'}) WHERE c.at >= $started RETURN count(c) AS n", { started }))[0]!.n as number;
const allChanges = async () => (await q('MATCH (c:Change) RETURN count(c) AS n'))[0]!.n as number;

const HISTORY = `query($id: ID!) { history(id: $id, first: 100) { edges { node {
  id operation actor { subject role } entities sources { id } properties { entity property before after } } } } }`;

afterAll(async () => {
  await removeCatalogue(driver, db(), queries, gdprFines);
  // The history this file made (the imports and the removal) goes with it.
  await q("MATCH (c:Change {actorSubject: 'import:gdpr-fines'}) WHERE c.at >= $started DETACH DELETE c", { started });
  await driver.close();
}, 120_000);

describe('import runs are recorded in the history', () => {
  const first = catalogueFile('first.tsv', '1000');
  let changeId: string;

  it('a dry run records no change', async () => {
    const before = await allChanges();
    const dry = await importRecords(driver, db(), queries, gdprFines, records(first), { dryRun: true });
    expect(dry.nodesCreated).toBeGreaterThan(0);
    expect(dry.change).toBeUndefined();
    expect(await allChanges()).toBe(before);
  }, 120_000);

  it('an import adds one IMPORT change linking the entities it created and those its facts hang on', async () => {
    const r = await importRecords(driver, db(), queries, gdprFines, records(first), { file: 'first.tsv' });
    expect(r.change).toMatch(/^change-[0-9a-f-]{36}$/);
    changeId = r.change!;
    expect(await importChanges()).toBe(1);
    const [fine] = await q(`MATCH (a:Authority {id: 'ico'})-[:IMPOSED]->(f:Fine)-[:REPORTED_AS]->(rep:FineReport {catalogue: 'gdpr-fines-2018-2020', row: '1'}),
      (f)-[:AGAINST]->(c:Company) RETURN f.id AS fine, rep.id AS report, c.id AS company`);
    const [decision] = await q("MATCH (e:Event {catalogue: 'gdpr-fines-2018-2020', row: '2'}) RETURN e.id AS id");
    const [c] = await q('MATCH (c:Change {id: $id}) RETURN c {.*} AS c', { id: changeId });
    expect(c!.c).toMatchObject({ operation: 'IMPORT', actorSubject: 'import:gdpr-fines', actorRole: 'system', links: '[]', detail: 'first.tsv: 2 rows' });
    // The curated ICO gains the catalogue's spelling as a sourced alias: a change of its aliases.
    expect(JSON.parse(c!.c.properties as string)).toEqual([{ entity: 'ico', property: 'aliases', before: [], after: ['Information Commissioner (ICO)'] }]);
    expect(c!.c.created).toEqual(expect.arrayContaining([fine!.fine, fine!.report, fine!.company, decision!.id]));
    expect(c!.c.created).not.toContain('ico');
    // Created nodes match Neo4j's own count of the run (the Change's own node aside).
    expect((c!.c.created as string[]).length).toBe(r.nodesCreated);

    for (const id of [fine!.report, fine!.fine, decision!.id, 'ico']) {
      const h = await gql(HISTORY, { id });
      expect(h.errors, id).toBeUndefined();
      const imports = h.data.history.edges.map((e: any) => e.node).filter((n: any) => n.id === changeId);
      expect(imports, id).toHaveLength(1);
      expect(imports[0].actor).toEqual({ subject: 'import:gdpr-fines', role: 'system' });
      expect(imports[0].entities).toEqual(expect.arrayContaining(['ico', fine!.company, fine!.fine, fine!.report, decision!.id]));
      expect(imports[0].sources.map((s: any) => s.id)).toContain('gdpr-fines-2018-2020');
    }
    const feed = await gql('query($since: String!) { changes(since: $since, first: 100) { edges { node { id operation } } } }', { since: started });
    expect(feed.data.changes.edges.map((e: any) => e.node)).toContainEqual({ id: changeId, operation: 'IMPORT' });
  }, 120_000);

  it('a second import of the same rows writes nothing and records nothing', async () => {
    const before = await allChanges();
    const again = await importRecords(driver, db(), queries, gdprFines, records(first));
    expect(again.nodesCreated + again.relationshipsCreated).toBe(0);
    expect(again.change).toBeUndefined();
    expect(await allChanges()).toBe(before);
  }, 120_000);

  it('an import that changes a value of an earlier row records it, before and after', async () => {
    const edited = catalogueFile('edited.tsv', '2000');
    const dry = await importRecords(driver, db(), queries, gdprFines, records(edited), { dryRun: true });
    expect(dry.change).toBeUndefined();
    expect(await importChanges()).toBe(1);
    const r = await importRecords(driver, db(), queries, gdprFines, records(edited), { file: 'edited.tsv' });
    expect(r.change).toBeDefined();
    expect(await importChanges()).toBe(2);
    const [rep] = await q("MATCH (f:Fine)-[:REPORTED_AS]->(rep:FineReport {catalogue: 'gdpr-fines-2018-2020', row: '1'}) RETURN rep.id AS id, f.id AS fine");
    const h = await gql(HISTORY, { id: rep!.id });
    const [latest] = h.data.history.edges.map((e: any) => e.node);
    expect(latest.id).toBe(r.change);
    expect(latest.properties).toEqual([{ entity: rep!.id, property: 'amount', before: '"1000"', after: '"2000"' }]);
    const [c] = await q('MATCH (c:Change {id: $id}) RETURN c.created AS created', { id: r.change });
    expect(c!.created).toEqual([]);
    expect(latest.entities).toEqual(expect.arrayContaining([rep!.id, rep!.fine, 'ico']));
  }, 120_000);
});
