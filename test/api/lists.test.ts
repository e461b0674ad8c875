import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { QueryRegistry } from '../../src/graph/queries.js';
import { generateGraph } from '../../src/synthetic/load.js';
import { buildList } from '../../src/read/lists.js';
import { incidentList } from '../../src/modules/incident/list.js';
import { fineList } from '../../src/modules/investigation/list.js';
import { loadFile, seedFiles } from '../../src/seed/load.js';
import { gql, testDriver } from '../support/api.js';

// A small generated graph beside the curated data: filters must agree with a brute-force
// filter written independently in JavaScript, and pages must walk every item exactly once.
const driver = testDriver();
const queries = new QueryRegistry();
const db = () => inject('database');

interface Row { id: string; kind: string; accessStart: string | null; disclosedOn: string | null; accounts: number | null;
  country: string | null; company: string; authorities: string[]; categories: string[]; hasFine: boolean; hasSuspect: boolean }
let all: Row[] = [];

beforeAll(async () => {
  await generateGraph(driver, db(), queries, { incidents: 600, seed: 7, batchSize: 250 });
  const { records } = await driver.executeQuery(`
    MATCH (n:Incident)
    RETURN n.id AS id, n.kind AS kind, n.accessStart AS accessStart, n.disclosedOn AS disclosedOn, n.accountsAffected AS accounts,
      COLLECT { MATCH (n)-[:IN_COUNTRY]->(c) RETURN c.id }[0] AS country,
      COLLECT { MATCH (n)-[:AFFECTED]->(c) RETURN c.id }[0] AS company,
      COLLECT { MATCH (n)<-[:INTO]-()<-[:CONDUCTS]-(a) RETURN DISTINCT a.id } AS authorities,
      COLLECT { MATCH (n)-[:HAS_EXPOSURE]->({exposed: true})-[:OF_CATEGORY]->(d) RETURN d.id } AS categories,
      EXISTS { (n)<-[:FOR_INCIDENT]-() } AS hasFine, EXISTS { (n)<-[:IN_INCIDENT]-() } AS hasSuspect`, {}, { database: db() });
  all = records.map((r) => r.toObject() as Row);
}, 120_000);

afterAll(async () => {
  const session = driver.session({ database: db() });
  await session.run(queries.get('synthetic/clear')).finally(() => session.close()); // batches: implicit transaction
  await loadFile(driver, db(), seedFiles().find((f) => f.endsWith('99-derived-values.cypher'))!);
  await driver.close();
});

const first = (d: string) => d.length === 4 ? `${d}-01-01` : d.length === 7 ? `${d}-01` : d;

const LIST = `query($filter: IncidentFilter, $orderBy: [IncidentOrder!], $after: String) {
  incidents(filter: $filter, orderBy: $orderBy, first: 100, after: $after) {
    totalCount edges { cursor node { id accountsAffected { value } } } pageInfo { hasNextPage endCursor } } }`;

async function walk(filter: unknown, orderBy?: unknown): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let total = -1;
  for (let page = 0; page < 100; page++) {
    const r: any = await gql(LIST, { filter, orderBy, after });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    total = r.data.incidents.totalCount;
    ids.push(...r.data.incidents.edges.map((e: any) => e.node.id));
    if (!r.data.incidents.pageInfo.hasNextPage) break;
    after = r.data.incidents.pageInfo.endCursor;
  }
  return { ids, total };
}

describe('incident filters agree with a brute-force filter', () => {
  const someCompany = () => all.find((r) => r.company.startsWith('syn-'))!.company;
  const someAuthority = () => all.find((r) => r.authorities.length)!.authorities[0]!;
  const cases: [string, () => unknown, (r: Row) => boolean][] = [
    ['company', () => ({ company: someCompany() }), (r) => r.company === someCompany()],
    ['authority', () => ({ authority: someAuthority() }), (r) => r.authorities.includes(someAuthority())],
    ['country', () => ({ country: 'KR' }), (r) => r.country === 'KR'],
    ['kind', () => ({ kind: 'RANSOMWARE' }), (r) => r.kind === 'RANSOMWARE'],
    ['any data category', () => ({ dataCategories: ['imsi', 'usim-number'] }), (r) => r.categories.some((c) => c === 'imsi' || c === 'usim-number')],
    ['all data categories', () => ({ dataCategories: ['name', 'email-address'], dataCategoriesMatch: 'ALL' }),
      (r) => r.categories.includes('name') && r.categories.includes('email-address')],
    ['accessed between', () => ({ accessedBetween: { from: '2018', to: '2019-06' } }),
      (r) => r.accessStart !== null && first(r.accessStart) >= '2018-01-01' && first(r.accessStart) <= '2019-06-31'],
    ['disclosed from', () => ({ disclosedBetween: { from: '2024-03' } }), (r) => r.disclosedOn !== null && first(r.disclosedOn) >= '2024-03-01'],
    ['minimum accounts', () => ({ minAccountsAffected: 1_000_000 }), (r) => r.accounts !== null && r.accounts >= 1_000_000],
    ['has a fine and a suspect', () => ({ hasFine: true, hasSuspect: true }), (r) => r.hasFine && r.hasSuspect],
    ['no fine, in GB', () => ({ hasFine: false, country: 'GB' }), (r) => !r.hasFine && r.country === 'GB'],
  ];
  for (const [name, filter, keep] of cases) {
    it(name, async () => {
      const expected = all.filter(keep).map((r) => r.id).sort();
      expect(expected.length, 'the case must select something').toBeGreaterThan(0);
      const { ids, total } = await walk(filter());
      expect(total).toBe(expected.length);
      expect([...ids].sort()).toEqual(expected);
    });
  }
});

describe('ordering and pagination', () => {
  it('walks every incident exactly once, in order, in both directions', async () => {
    const key = (r: Row) => (r.accounts === null ? '' : String(r.accounts).padStart(16, '0'));
    const asc = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1)).map((r) => r.id);
    const up = await walk(null, [{ field: 'ACCOUNTS_AFFECTED', direction: 'ASC' }]);
    expect(up.ids).toEqual(asc);
    const down = await walk(null, [{ field: 'ACCOUNTS_AFFECTED', direction: 'DESC' }]);
    expect(down.ids).toEqual([...asc].reverse());
  });

  it('walks backwards with last/before to the same items in reverse', async () => {
    const orderBy = [{ field: 'ACCESS_START', direction: 'DESC' }];
    const forward = await walk({ country: 'KR' }, orderBy);
    const back: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 100; page++) {
      const r: any = await gql(`query($orderBy: [IncidentOrder!], $before: String) {
        incidents(filter: { country: "KR" }, orderBy: $orderBy, last: 30, before: $before) {
          edges { node { id } } pageInfo { hasPreviousPage startCursor } } }`, { orderBy, before });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      back.unshift(...r.data.incidents.edges.map((e: any) => e.node.id));
      if (!r.data.incidents.pageInfo.hasPreviousPage) break;
      before = r.data.incidents.pageInfo.startCursor;
    }
    expect(back).toEqual(forward.ids);
    const both = await gql('{ incidents(first: 2, last: 2) { totalCount } }');
    expect(both.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('sorts by several keys in one direction', async () => {
    const { ids } = await walk({ country: 'US' }, [{ field: 'ACCESS_START' }, { field: 'TITLE' }]);
    const byId = new Map(all.map((r) => [r.id, r]));
    const starts = ids.map((id) => byId.get(id)!.accessStart ?? '');
    expect(starts).toEqual([...starts].sort());
  });

  it('rejects mixed directions, and a cursor from another ordering', async () => {
    const mixed = await gql(LIST, { orderBy: [{ field: 'TITLE', direction: 'ASC' }, { field: 'ACCESS_START', direction: 'DESC' }] });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const page = await gql(LIST, { orderBy: [{ field: 'TITLE' }] });
    const other = await gql(LIST, { orderBy: [{ field: 'ACCESS_START' }], after: page.data.incidents.pageInfo.endCursor });
    expect(other.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('fine filters', () => {
  it('minimum amount compares exactly within its currency, and by year', async () => {
    const { records } = await driver.executeQuery('MATCH (f:Fine) RETURN f.id AS id, f.amount AS amount, f.currency AS currency, f.year AS year', {}, { database: db() });
    const fines = records.map((r) => r.toObject() as { id: string; amount: string; currency: string; year: number | null });
    const min = '5000000000';
    const expected = fines.filter((f) => f.currency === 'KRW' && BigInt(f.amount) >= BigInt(min)).map((f) => f.id).sort();
    expect(expected).toContain('skt-pipc-fine-2025');
    const ids: string[] = [];
    let after: string | null = null;
    for (let p = 0; p < 50; p++) {
      const r: any = await gql(`query($after: String) { fines(filter: { minAmount: { amount: "${min}", currency: "KRW" } }, orderBy: [{ field: AMOUNT, direction: DESC }], first: 100, after: $after) {
        edges { node { id amount { amount currency } } } pageInfo { hasNextPage endCursor } } }`, { after });
      ids.push(...r.data.fines.edges.map((e: any) => e.node.id));
      if (!r.data.fines.pageInfo.hasNextPage) break;
      after = r.data.fines.pageInfo.endCursor;
    }
    expect([...ids].sort()).toEqual(expected);
    const year = await gql('{ fines(filter: { year: 2025, authority: "pipc" }) { edges { node { id } } } }');
    expect(year.data.fines.edges.map((e: any) => e.node.id).sort()).toEqual(['skt-pipc-fine-2025']);
  });
});

describe('query plans use indexes', () => {
  async function operators(text: string, params: Record<string, unknown>): Promise<string[]> {
    const r = await driver.executeQuery(`EXPLAIN ${text}\nRETURN n`, params, { database: db() });
    const ops: string[] = [];
    const visit = (p: any) => { ops.push(`${p.operatorType.split('@')[0]} ${p.arguments?.Details ?? ''}`); (p.children ?? []).forEach(visit); };
    visit(r.summary.plan);
    return ops;
  }
  const idOrder = { keys: [], desc: false };
  const incidentCases: [string, unknown][] = [
    ['company', { company: 'coupang' }], ['authority', { authority: 'pipc' }], ['country', { country: 'KR' }],
    ['data category', { dataCategories: ['imsi'] }], ['kind', { kind: 'RANSOMWARE' }], ['accounts', { minAccountsAffected: 5 }],
    ['disclosed', { disclosedBetween: { from: '2020' } }], ['accessed', { accessedBetween: { to: '2019' } }],
  ];
  for (const [name, filter] of incidentCases) {
    it(`incidents filtered by ${name}: no scan of all incidents`, async () => {
      const list = buildList(queries, incidentList, filter as never, idOrder, null, 10);
      const ops = await operators(list.page, list.params);
      expect(ops.filter((o) => o.startsWith('AllNodesScan'))).toEqual([]);
      expect(ops.filter((o) => o.startsWith('NodeByLabelScan') && o.includes(':Incident'))).toEqual([]);
      expect(ops.some((o) => /Seek/.test(o))).toBe(true);
    });
  }
  for (const [name, filter] of [['company', { company: 'sk-telecom' }], ['authority', { authority: 'pipc' }],
    ['minimum amount', { minAmount: { amount: '1', currency: 'KRW' } }], ['year', { year: 2025 }]] as const) {
    it(`fines filtered by ${name}: no scan of all fines`, async () => {
      const list = buildList(queries, fineList, filter as never, idOrder, null, 10);
      const ops = await operators(list.page, list.params);
      expect(ops.filter((o) => o.startsWith('AllNodesScan') || (o.startsWith('NodeByLabelScan') && o.includes(':Fine')))).toEqual([]);
    });
  }
});
