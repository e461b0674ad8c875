import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { IcoDecisionsQuery, LargestGdprFinesQuery } from '../../src/generated/operations.js';
import { QueryRegistry } from '../../src/graph/queries.js';
import { gdprFines } from '../../src/import/catalogues/gdprFines.js';
import { formatProblem, readCatalogue } from '../../src/import/read.js';
import { importRecords, removeCatalogue, type ImportResult } from '../../src/import/run.js';
import { data, gql, neo4jEnv, testDriver } from '../support/api.js';
import { example } from '../support/examples.js';

// The real catalogue, imported into the suite's seeded Neo4j and removed again afterwards, so the
// files that run after this one see the curated graph they expect.
const FILE = fileURLToPath(new URL('../../data/gdpr-fines-2018-2020.tsv', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const driver = testDriver();
const queries = new QueryRegistry();
const db = () => inject('database');
const q = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database: db() })).records.map((r) => r.toObject());

async function counts() {
  const [r] = await q('MATCH (n) WITH count(n) AS nodes CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels');
  return r as { nodes: number; rels: number };
}

const read = readCatalogue(FILE, gdprFines);
const started = new Date().toISOString();
let curated: { nodes: number; rels: number };
let first: ImportResult;

beforeAll(async () => {
  curated = await counts();
}, 120_000);

afterAll(async () => {
  await removeCatalogue(driver, db(), queries, gdprFines);
  // What it added to curated nodes goes too: the aliases with their links.
  expect(await q("MATCH (n:Entity) WHERE n.id IN ['google', 'marriott', 'ico'] RETURN n.id AS id, n.aliases AS aliases ORDER BY id"))
    .toEqual([{ id: 'google', aliases: [] }, { id: 'ico', aliases: [] }, { id: 'marriott', aliases: [] }]);
  // The history of this file's import and removal (test/import/history.test.ts) goes with them.
  await q("MATCH (c:Change {actorSubject: 'import:gdpr-fines'}) WHERE c.at >= $started DETACH DELETE c", { started });
  expect(await counts()).toEqual(curated);
  await driver.close();
}, 120_000);

describe('validation, before anything is written', () => {
  it('reports each bad row as file:line: column: problem', () => {
    expect(read.rows).toBe(250);
    expect(read.records).toHaveLength(246);
    expect(read.invalidRows).toBe(4);
    const errors = read.rowProblems.filter((p) => p.severity === 'error').map((p) => formatProblem('gdpr-fines-2018-2020.tsv', p));
    // The note's misplaced fields: row 89 (line 90), 99, 229 and 246.
    expect(errors).toEqual([
      expect.stringMatching(/^gdpr-fines-2018-2020\.tsv:90: violation_type: ".*" is a URL/),
      'gdpr-fines-2018-2020.tsv:90: source_url: empty: every row needs the link to its source',
      expect.stringMatching(/^gdpr-fines-2018-2020\.tsv:100: articles: "Failure to implement.*" is not a legal provision/),
      expect.stringMatching(/^gdpr-fines-2018-2020\.tsv:100: violation_type: "Art\. 32 GDPR" is a legal provision/),
      'gdpr-fines-2018-2020.tsv:230: authority: "Private person" does not name an authority',
      expect.stringMatching(/^gdpr-fines-2018-2020\.tsv:247: controller: "https:\/\/datenschutz-hamburg\.de.*" is a URL/),
    ]);
    const warnings = read.rowProblems.filter((p) => p.severity === 'warning').map((p) => `${p.line}:${p.column}`);
    // 1 January 2019 (five rows) kept as the year; the date before the GDPR applied.
    expect(warnings).toEqual(expect.arrayContaining(['70:decision_date', '79:decision_date', '182:decision_date', '214:decision_date', '246:decision_date']));
    const row69 = read.records.find((r) => r.row === '69')!;
    expect(row69.date).toEqual({ iso: '2019', asReported: expect.stringContaining('2019-01-01') });
    // Amount 0 is a decision without an amount, never EUR 0.
    expect(read.records.filter((r) => r.amount === null).map((r) => r.row)).toEqual(['23', '24', '86', '95', '96', '97', '98', '101', '104', '243']);
  });

  it('rejects an unusable file and row-level problems with their line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    const header = gdprFines.columns.join('\t');
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, [header,
      '1\tSpain\t12,5\tSpanish Data Protection Authority (AEPD)\t2019-02-30\tAcme SL\tArt. 6 GDPR\tx\thttps://example.org/1',
      '2\tAtlantis\t100\tX Authority\t2019-02-01\tAcme SL\tArt. 6 GDPR\tx\tnot a url',
      '2\tSpain\t100\tSpanish Data Protection Authority (AEPD)\t2019-02-01\tAcme SL\tArt. 6 GDPR\tx\thttps://example.org/2',
      '3\tSpain\t100',
    ].join('\n'));
    const r = readCatalogue(bad, gdprFines);
    expect(r.fileProblems).toEqual([]);
    expect(r.rowProblems.map((p) => formatProblem('bad.tsv', p))).toEqual([
      'bad.tsv:2: amount_eur: "12,5" is not an amount (digits, optionally a decimal point)',
      'bad.tsv:2: decision_date: "2019-02-30" is not a calendar date',
      'bad.tsv:3: country: "Atlantis" is not a country name',
      'bad.tsv:3: source_url: "not a url" is not a URL (it contains spaces)',
      'bad.tsv:4: row_id: "2" is already the id of line 3',
      'bad.tsv:5: -: 3 fields, expected 9',
    ]);
    expect(r.records).toEqual([]);
    const wrongHeader = join(dir, 'header.tsv');
    writeFileSync(wrongHeader, 'id\tcountry\n1\tSpain\n');
    expect(readCatalogue(wrongHeader, gdprFines).fileProblems.map((p) => formatProblem('header.tsv', p)))
      .toEqual([expect.stringMatching(/^header\.tsv:1: header: header must be row_id, country, .*; missing row_id, amount_eur, authority/)]);
  });

  it('the command imports nothing while rows have errors, unless --skip-invalid', async () => {
    const before = await counts();
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', 'gdpr-fines', FILE], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...neo4jEnv(), NEO4J_DATABASE: db() }, timeout: 120_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('gdpr-fines-2018-2020.tsv:230: authority: "Private person" does not name an authority');
    expect(r.stderr).toMatch(/Nothing was imported: .* --skip-invalid to import the 246 valid rows/);
    expect(await counts()).toEqual(before);
  }, 120_000);
});

describe('importing into the seeded graph', () => {
  it('a dry run resolves and writes inside a transaction, then rolls everything back', async () => {
    const before = await counts();
    const dry = await importRecords(driver, db(), queries, gdprFines, read.records, { dryRun: true });
    expect(dry.nodesCreated).toBeGreaterThan(500);
    expect(dry.plan.counts.fines.created).toBe(236);
    expect(await counts()).toEqual(before);
  }, 180_000);

  it('imports every valid row: 236 fines and 10 decisions without an amount (2 of them the seeds\' notices), with provenance', async () => {
    first = await importRecords(driver, db(), queries, gdprFines, read.records, { batchSize: 50 });
    expect(first.change).toMatch(/^change-/);
    const c = first.plan.counts;
    expect(c.fines).toMatchObject({ created: 236, matched: 0 });
    expect(c.reports.created).toBe(236);
    expect(c.decisions).toEqual({ created: 8, matched: 2, attached: 2 });
    expect(c.authorities).toEqual({ created: 33, matched: 1 });
    // 211 new parties (UniCredit twice: in Romania and in Czechia), 3 matched (British Airways, Marriott, Google).
    expect(c.companies).toEqual({ created: 211, matched: 3 });
    expect(c.aliases).toEqual({ created: 4, matched: 2 });
    expect(await q("MATCH (f:FineReport {catalogue: 'gdpr-fines-2018-2020'}) WHERE f.amount =~ '0+' RETURN f.id")).toEqual([]);
    const [row2] = await q(`MATCH (a:Authority)-[:IMPOSED]->(f:Fine)-[:REPORTED_AS]->(r:FineReport {id: 'gdpr-fines-2018-2020-row-2'}), (f)-[:AGAINST]->(c:Company)
      RETURN a.id AS authority, c.name AS company, f.amount AS amount, f.currency AS currency, f.date AS date, r.articles AS articles,
        COLLECT { MATCH (r)-[s:SOURCED_FROM]->(src:Source) RETURN [src.id, s.attribution] } AS sources`);
    expect(row2).toEqual({
      authority: 'anspdcp', company: 'UTTIS INDUSTRIES', amount: '2500', currency: 'EUR', date: '2019-10-17',
      articles: ['Art. 12 GDPR', 'Art. 13 GDPR', 'Art. 5 (1) c) GDPR', 'Art. 6 GDPR'],
      sources: expect.arrayContaining([['gdpr-fines-2018-2020', 'row 2'], [expect.stringMatching(/^dataprotection-ro-/), 'per the catalogue']]),
    });
  }, 180_000);

  it('lands the ICO, British Airways and Marriott rows on the existing entities: no second one of any', async () => {
    const how = Object.fromEntries(first.plan.resolution.matched.flatMap((m) => m.texts.map((t) => [t.text, `${m.id} ${t.how}`])));
    expect(how).toMatchObject({
      'Information Commissioner (ICO)': 'ico abbreviation',
      'Information Commissioner': 'ico variant in file',
      'Marriott International, Inc': 'marriott group designator',
      'British Airways': 'british-airways exact',
      'Google Inc.': 'google normalised',
    });
    expect(await q("MATCH (a:Authority)-[:IN_COUNTRY]->(:Country {id: 'GB'}) RETURN a.id AS id")).toEqual([{ id: 'ico' }]);
    for (const name of ['british airways', 'marriott', 'information commissioner']) {
      const found = await q('MATCH (n:Entity) WHERE (n:Company OR n:Authority) AND any(t IN [n.name] + coalesce(n.aliases, []) WHERE toLower(t) CONTAINS $name) RETURN n.id AS id', { name });
      expect(found.length, name).toBeLessThanOrEqual(1);
    }
    const { authority } = await data<IcoDecisionsQuery>(example('ico-decisions'));
    const fines = authority!.finesImposed.map((f) => f.id);
    expect(fines).toEqual(expect.arrayContaining(['ba-ico-penalty-2020', 'marriott-ico-penalty-2020', 'ico-fine-ee-2019-06-24']));
    expect(fines).toHaveLength(2 + 4);
    // The catalogue's "intention to fine" rows (23: Marriott, 24: British Airways) are the seeds'
    // notices of intent, one more source of each: no DECISION beside them.
    expect(first.plan.attachments.map((a) => [a.row, a.event])).toEqual([
      ['23', 'marriott-starwood-breach-notice-of-intent'], ['24', 'british-airways-breach-2018-notice-of-intent']]);
    const decisions = authority!.decisions.filter((d) => ['british-airways', 'marriott'].includes(d.against?.id ?? ''))
      .map((d) => [d.id, d.kind, d.date?.iso, d.amounts.map((a) => a.money.display)]);
    expect(decisions).toEqual([
      ['british-airways-breach-2018-notice-of-intent', 'NOTICE_OF_INTENT', '2019-07', ['GBP 183,390,000']],
      ['marriott-starwood-breach-notice-of-intent', 'NOTICE_OF_INTENT', '2019-07', ['GBP 99,200,000']],
    ]);
    expect(await q("MATCH (e:Event {catalogue: 'gdpr-fines-2018-2020'})-[:AGAINST]->(c:Company) WHERE c.id IN ['british-airways', 'marriott'] RETURN e.id")).toEqual([]);
    const ba = authority!.decisions.find((d) => d.id === 'british-airways-breach-2018-notice-of-intent')!;
    expect(ba.sources.map((s) => [s.source.id, s.attribution])).toEqual(expect.arrayContaining([
      ['brodies-ba-marriott', null],
      ['gdpr-fines-2018-2020', 'row 24'],
      [expect.stringMatching(/^ico-org-uk-/), 'per the catalogue'],
    ]));
    expect(ba.sources).toHaveLength(3);
    // The notices as the seeds give them: title, date and amount unchanged.
    expect(ba.title).toBe('ICO notice of intent to fine British Airways GBP 183.39 million');
  });

  it('never merges across countries on a name alone: UniCredit of Romania and of Czechia are two companies', async () => {
    const unicredit = await q(`MATCH (c:Company) WHERE toLower(c.name) STARTS WITH 'unicredit'
      RETURN c.id AS id, c.name AS name, c.aliases AS aliases,
        COLLECT { MATCH (c)<-[:AGAINST]-(:Fine)<-[:IMPOSED]-(:Authority)-[:IN_COUNTRY]->(k:Country) RETURN DISTINCT k.id } AS countries
      ORDER BY id`);
    expect(unicredit).toEqual([
      { id: 'unicredit-bank-cz', name: 'UniCredit Bank', aliases: [], countries: ['CZ'] },
      { id: 'unicredit-bank-ro', name: 'Unicredit Bank SA', aliases: [], countries: ['RO'] },
    ]);
    // A curated company without a country (Google) takes its name from any country: France's
    // "Google Inc." and Sweden's "Google" are both it.
    const google = await q(`MATCH (:Company {id: 'google'})<-[:AGAINST]-(:Fine {catalogue: 'gdpr-fines-2018-2020'})<-[:IMPOSED]-(a:Authority)-[:IN_COUNTRY]->(k:Country) RETURN k.id AS country ORDER BY country`);
    expect(google.map((g) => g.country)).toEqual(['FR', 'SE']);
  });

  it('keeps each catalogue spelling of a matched entity as an alias, sourced to its row', async () => {
    const r = await gql(`{ company(id: "google") { name aliases sources { source { id } attribution attributedTo { ... on Publisher { id } } about } }
      authority(id: "ico") { aliases } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.company.name).toBe('Google');
    expect(r.data.company.aliases).toEqual(['Google Inc.']);
    expect(r.data.company.sources).toContainEqual({
      source: { id: 'gdpr-fines-2018-2020' }, attribution: 'row 66: "Google Inc."', attributedTo: { id: 'privacy-affairs' }, about: ['aliases'],
    });
    expect(r.data.authority.aliases).toEqual(['Information Commissioner (ICO)', 'Information Commissioner']);
    const [marriott] = await q("MATCH (c:Company {id: 'marriott'}) RETURN c.aliases AS aliases");
    expect(marriott).toEqual({ aliases: ['Marriott International, Inc'] });
    // A spelling that is the entity's name ("British Airways", Sweden's "Google") adds nothing.
    const [ba] = await q("MATCH (c:Company {id: 'british-airways'}) RETURN c.aliases AS aliases, COUNT { (c)-[:SOURCED_FROM {claim: 'alias'}]->() } AS links");
    expect(ba).toEqual({ aliases: [], links: 0 });
    const search = await gql('{ search(query: "Google Inc.", types: [COMPANY]) { edges { node { ... on Company { id } } } } }');
    expect(search.data.search.edges[0].node).toEqual({ id: 'google' });
  });

  it('keeps generic parties apart and gathers spelling variants of one', async () => {
    const parties = await q(`MATCH (r:FineReport {catalogue: 'gdpr-fines-2018-2020'})<-[:REPORTED_AS]-(:Fine)-[:AGAINST]->(c:Company)
      WHERE r.row IN ['7', '8'] RETURN r.row AS row, c.id AS id, c.name AS name ORDER BY row`);
    expect(parties.map((p) => p.name)).toEqual(['Telecommunication Service Provider', 'Telecommunication Service Provider']);
    expect(new Set(parties.map((p) => p.id)).size).toBe(2);
    const individuals = await q("MATCH (c:Company {catalogue: 'gdpr-fines-2018-2020', name: 'Private individual'}) RETURN c.id AS id");
    expect(individuals).toHaveLength(5);
    const [vodafone] = await q("MATCH (c:Company {id: 'vodafone-espana'}) RETURN c.name AS name, c.aliases AS aliases, COUNT { (c)<-[:AGAINST]-(:Fine) } AS fines");
    expect(vodafone).toEqual({ name: 'Vodafone Espana', aliases: ['Vodafone España, S.A.U.', 'Vodafone España'], fines: 20 });
    const [czech] = await q("MATCH (a:Authority {id: 'uoou'}) RETURN a.aliases AS aliases, COUNT { (a)-[:IMPOSED]->() } AS fines");
    expect(czech).toEqual({ aliases: ['UOOU', 'Czech Data Protection Authority (UOOU)', 'Czech Data Protection Auhtority (UOOU)'], fines: 13 });
  });

  it('lists, stats and search work over the imported data', async () => {
    const fines = (await data<LargestGdprFinesQuery>(example('largest-gdpr-fines'))).fines!;
    expect(fines.totalCount).toBe(236);
    expect(fines.edges.slice(0, 2).map((e) => [e.node.id, e.node.amount.display, e.node.authority.id])).toEqual([
      ['cnil-fine-google-2019-01-21', 'EUR 50,000,000', 'cnil'],
      ['garante-fine-tim-telecom-provider-2020-02-01', 'EUR 27,802,946', 'garante'],
    ]);
    const stats = await gql('{ stats { finesByAuthorityAndYear(authority: "ico") { year totals { currency count sum { amount } } } } }');
    expect(stats.data.stats.finesByAuthorityAndYear).toEqual([
      { year: 2019, totals: [{ currency: 'EUR', count: 4, sum: { amount: '640000' } }] },
      { year: 2020, totals: [{ currency: 'GBP', count: 2, sum: { amount: '38400000' } }] },
    ]);
    const search = await gql('{ search(query: "Vodafone España", types: [COMPANY]) { edges { node { ... on Company { id } } matchedFields } } }');
    expect(search.data.search.edges[0]).toEqual({ node: { id: 'vodafone-espana' }, matchedFields: expect.arrayContaining(['aliases']) });
    const byAuthority = await gql('{ authorities(filter: { country: "ES" }) { edges { node { id finesImposed { id } } } } }');
    expect(byAuthority.data.authorities.edges.map((e: any) => [e.node.id, e.node.finesImposed.length])).toEqual([['aepd', 68]]);
  });

  it('is idempotent: a second run creates nothing and changes no count', async () => {
    const before = await counts();
    const again = await importRecords(driver, db(), queries, gdprFines, read.records);
    const c = again.plan.counts;
    for (const [kind, t] of Object.entries(c)) expect(t.created, kind).toBe(0);
    expect(c.reports.matched).toBe(236);
    expect(c.decisions).toEqual({ created: 0, matched: 10, attached: 0 });
    expect(c.companies).toEqual({ created: 0, matched: 211 + 3 });
    expect(again.plan.aliases).toEqual([]);
    expect(again.plan.attachments.map((a) => [a.row, a.event, a.first])).toEqual([
      ['23', 'marriott-starwood-breach-notice-of-intent', false], ['24', 'british-airways-breach-2018-notice-of-intent', false]]);
    expect(again.nodesCreated + again.relationshipsCreated).toBe(0);
    expect(again.change).toBeUndefined();
    expect(await counts()).toEqual(before);
  }, 180_000);
});
