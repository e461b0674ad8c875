import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { QueryRegistry } from '../../src/graph/queries.js';
import { gdprFines } from '../../src/import/catalogues/gdprFines.js';
import { readCatalogue } from '../../src/import/read.js';
import { importRecords, removeCatalogue } from '../../src/import/run.js';
import { data, gql, testDriver } from '../support/api.js';
import { example } from '../support/examples.js';

// The catalogue's questions about fines (issue 27), on the curated graph (seeds/05 and seeds/06:
// the PIPC's, ICO's and CFPB's fines), then with the GDPR catalogue imported (data/), removed again
// afterwards as test/import/gdprFines.test.ts does.
const driver = testDriver();
const queries = new QueryRegistry();
const db = () => inject('database');
const q = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database: db() })).records.map((r) => r.toObject());

afterAll(async () => {
  await removeCatalogue(driver, db(), queries, gdprFines);
  await q("MATCH (c:Change {actorSubject: 'import:gdpr-fines'}) DETACH DELETE c");
  await driver.close();
}, 120_000);

const FINES = 'query($filter: FineFilter, $orderBy: [FineOrder!], $first: Int) { fines(filter: $filter, orderBy: $orderBy, first: $first) { totalCount edges { node { id } } } }';

/** The ids a fines filter selects (in id order) and its totalCount, in one request that must be one Neo4j query. */
async function fineIds(filter: Record<string, unknown>): Promise<string[]> {
  const r = await gql(FINES, { filter, first: 100 });
  expect(r.errors).toBeUndefined();
  expect(r.extensions!.neo4j!.queries).toBe(1);
  const ids = r.data.fines.edges.map((e: { node: { id: string } }) => e.node.id);
  expect(r.data.fines.totalCount).toBe(ids.length);
  return ids;
}

/** The error of a request that must be refused as an argument mistake. */
async function refused(query: string, variables?: Record<string, unknown>) {
  const r = await gql(query, variables);
  expect(r.data?.fines ?? r.data?.companies ?? null).toBeNull();
  expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return r.errors![0]!;
}

const KR_FINES = ['golfzon-pipc-penalty', 'google-pipc-penalty-2022', 'kakao-pipc-fine-2024', 'kakao-pipc-penalty-2024',
  'lg-uplus-pipc-fine-2023', 'lg-uplus-pipc-penalty-2023', 'skt-pipc-fine-2025', 'skt-pipc-fine-2025-late-notification'];

describe('FineFilter: country, companyCountry, date, kind (curated graph)', () => {
  it('country is the imposing authority\'s: the PIPC\'s eight fines for KR, the ICO\'s two for GB', async () => {
    expect(await fineIds({ country: 'KR' })).toEqual(KR_FINES);
    expect(await fineIds({ country: 'GB' })).toEqual(['ba-ico-penalty-2020', 'marriott-ico-penalty-2020']);
    expect(await fineIds({ country: 'US' })).toEqual(['equifax-cfpb-civil-penalty-2019']);
  });

  it('companyCountry is the fined company\'s: Marriott and Google have no country in the seeds', async () => {
    expect(await fineIds({ companyCountry: 'GB' })).toEqual(['ba-ico-penalty-2020']);
    expect(await fineIds({ companyCountry: 'KR' })).toEqual(KR_FINES.filter((id) => !id.startsWith('golfzon') && !id.startsWith('google')));
    expect(await fineIds({ country: 'KR', companyCountry: 'GB' })).toEqual([]);
  });

  it('the largest fine in a country is one query: the SK Telecom penalty in Korea', async () => {
    const r = await gql(FINES, { filter: { country: 'KR' }, orderBy: [{ field: 'AMOUNT', direction: 'DESC' }], first: 1 });
    expect(r.extensions!.neo4j!.queries).toBe(1);
    expect(r.data.fines).toEqual({ totalCount: 8, edges: [{ node: { id: 'skt-pipc-fine-2025' } }] });
  });

  it('date: both ends included, partial dates by their first day, undated fines left out', async () => {
    expect(await fineIds({ date: { from: '2020-10', to: '2020-10' } })).toEqual(['ba-ico-penalty-2020', 'marriott-ico-penalty-2020']);
    expect(await fineIds({ date: { from: '2023', to: '2024-05-23' } }))
      .toEqual(['kakao-pipc-fine-2024', 'kakao-pipc-penalty-2024', 'lg-uplus-pipc-fine-2023', 'lg-uplus-pipc-penalty-2023']);
    expect(await fineIds({ date: { from: '2023', to: '2024-05-22' } })).toEqual(['lg-uplus-pipc-fine-2023', 'lg-uplus-pipc-penalty-2023']);
    // Google's penalty is dated "2022": it compares as 2022-01-01.
    expect(await fineIds({ date: { from: '2022' , to: '2022' } })).toEqual(['google-pipc-penalty-2022']);
    expect(await fineIds({ date: { from: '2022-06' , to: '2022' } })).toEqual([]);
    expect(await fineIds({ date: { from: '2025-08-28' } })).toEqual(['skt-pipc-fine-2025']);
    expect(await fineIds({ country: 'KR', date: { to: '2030' } })).toEqual(KR_FINES.filter((id) => id !== 'golfzon-pipc-penalty' && !id.endsWith('late-notification')));
  });

  it('kind: any of the kinds given, with the other filters', async () => {
    expect(await fineIds({ kind: ['CIVIL_PENALTY'] })).toEqual(['equifax-cfpb-civil-penalty-2019']);
    expect(await fineIds({ kind: ['ADMINISTRATIVE_FINE', 'CIVIL_PENALTY'] }))
      .toEqual(['equifax-cfpb-civil-penalty-2019', 'kakao-pipc-fine-2024', 'lg-uplus-pipc-fine-2023']);
    expect(await fineIds({ kind: ['ADMINISTRATIVE_FINE'], country: 'KR', date: { from: '2024' } })).toEqual(['kakao-pipc-fine-2024']);
    expect(await fineIds({ kind: [] })).toHaveLength(11);
  });

  it('bad input is BAD_USER_INPUT naming the argument', async () => {
    const reversed = await refused(FINES, { filter: { date: { from: '2025', to: '2024-12' } } });
    expect(reversed.message).toMatch(/filter\.date: from is after to/);
    expect(reversed.extensions!.argumentName).toBe('filter');
    const country = await refused(FINES, { filter: { country: 'KOR' } });
    expect(country.message).toMatch(/filter\.country: no country has the id "KOR"/);
    const companyCountry = await refused(FINES, { filter: { companyCountry: 'XX' } });
    expect(companyCountry.message).toMatch(/filter\.companyCountry/);
    expect((await refused(FINES, { filter: { kind: ['FINE'] } })).message).toMatch(/FINE/);
  });
});

const BY_AUTHORITY = `query($authority: ID, $year: Int, $years: YearRange, $currency: String, $minAmount: MoneyInput, $orderBy: FineTotalsOrder, $first: Int) {
  stats { finesByAuthorityAndYear(authority: $authority, year: $year, years: $years, currency: $currency, minAmount: $minAmount, orderBy: $orderBy, first: $first) {
    authority { id } year totals { currency count sum { amount } } } } }`;

type Row = { authority: { id: string }; year: number | null; totals: { currency: string; count: number; sum: { amount: string } }[] };
const rowsOf = async (variables: Record<string, unknown>): Promise<string[]> => {
  const r = await gql<{ stats: { finesByAuthorityAndYear: Row[] } }>(BY_AUTHORITY, variables);
  expect(r.errors).toBeUndefined();
  expect(r.extensions!.neo4j!.queries).toBe(1);
  return r.data!.stats.finesByAuthorityAndYear.map((x) => `${x.authority.id} ${x.year} ${x.totals.map((t) => `${t.currency} ${t.count} ${t.sum.amount}`).join(', ')}`);
};

describe('Stats.finesByAuthorityAndYear: years, currency, threshold, order (curated graph)', () => {
  const ALL = [
    'cfpb 2019 USD 1 100000000',
    'ico 2020 GBP 2 38400000',
    'pipc 2022 KRW 1 69200000000',
    'pipc 2023 KRW 2 6827000000',
    'pipc 2024 KRW 2 15107800000',
    'pipc 2025 KRW 1 134790000000',
    'pipc null KRW 2 7509600000',
  ];

  it('without arguments, today\'s answer: every authority and year, by name then year', async () => {
    expect(await rowsOf({})).toEqual(ALL);
  });

  it('year and years leave undated fines out', async () => {
    expect(await rowsOf({ year: 2020 })).toEqual(['ico 2020 GBP 2 38400000']);
    expect(await rowsOf({ years: { from: 2023, to: 2024 } })).toEqual(ALL.slice(3, 5));
    expect(await rowsOf({ years: { from: 2024 } })).toEqual(ALL.slice(4, 6));
    expect(await rowsOf({ years: { to: 2019 } })).toEqual(ALL.slice(0, 1));
  });

  it('which authority fined most in a year, in a currency, is one query', async () => {
    expect(await rowsOf({ currency: 'KRW', orderBy: 'LARGEST_TOTAL_FIRST', first: 2 })).toEqual([ALL[5], ALL[2]]);
    expect(await rowsOf({ year: 2020, currency: 'gbp', orderBy: 'LARGEST_TOTAL_FIRST', first: 1 })).toEqual([ALL[1]]);
    // Ties keep the default order: authority name, then year (undated last).
    expect(await rowsOf({ orderBy: 'MOST_FINES_FIRST' })).toEqual([ALL[1], ALL[3], ALL[4], ALL[6], ALL[0], ALL[2], ALL[5]]);
    expect(await rowsOf({ orderBy: 'AUTHORITY_THEN_YEAR', first: 0 })).toEqual([]);
  });

  it('minAmount counts only the fines of at least that amount in its currency', async () => {
    expect(await rowsOf({ minAmount: { amount: '10000000000', currency: 'KRW' } }))
      .toEqual(['pipc 2022 KRW 1 69200000000', 'pipc 2024 KRW 1 15100000000', 'pipc 2025 KRW 1 134790000000']);
    expect(await rowsOf({ minAmount: { amount: '18400000', currency: 'GBP' } })).toEqual(['ico 2020 GBP 2 38400000']);
    expect(await rowsOf({ minAmount: { amount: '18400000.000001', currency: 'GBP' } })).toEqual(['ico 2020 GBP 1 20000000']);
    expect(await rowsOf({ currency: 'EUR' })).toEqual([]);
  });

  it('bad input is BAD_USER_INPUT naming the argument', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ years: { from: 2025, to: 2024 } }, 'years', /years: from is after to/],
      [{ year: 2020, years: { from: 2020 } }, 'years', /give one of them/],
      [{ minAmount: { amount: '-1', currency: 'KRW' } }, 'minAmount', /must not be negative/],
      [{ minAmount: { amount: '1', currency: 'WON' } }, 'minAmount', /minAmount\.currency: "WON" is not an ISO 4217/],
      [{ currency: 'WON' }, 'currency', /"WON" is not an ISO 4217/],
      [{ currency: 'KRW', minAmount: { amount: '1', currency: 'GBP' } }, 'minAmount', /differs from currency/],
      [{ orderBy: 'LARGEST_TOTAL_FIRST' }, 'orderBy', /give currency/],
      [{ first: 101 }, 'first', /from 0 to 100/],
    ];
    for (const [variables, argument, message] of cases) {
      const r = await gql(BY_AUTHORITY, variables);
      expect(r.errors?.[0]?.extensions, JSON.stringify(variables)).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
      expect(r.errors![0]!.message).toMatch(message);
      expect(r.errors![0]!.path).toEqual(['stats', 'finesByAuthorityAndYear']);
    }
  });
});

const BY_YEAR = `query($years: YearRange, $currency: String, $minAmount: MoneyInput, $country: ID) {
  stats { finesByYear(years: $years, currency: $currency, minAmount: $minAmount, country: $country) { year totals { currency count sum { amount } } } } }`;
const yearsOf = async (variables: Record<string, unknown>): Promise<string[]> => {
  const r = await gql(BY_YEAR, variables);
  expect(r.errors).toBeUndefined();
  expect(r.extensions!.neo4j!.queries).toBe(1);
  return r.data.stats.finesByYear.map((x: Omit<Row, 'authority'>) => `${x.year} ${x.totals.map((t) => `${t.currency} ${t.count} ${t.sum.amount}`).join(', ')}`);
};

describe('Stats.finesByYear and Stats.largestFinesByCountry (curated graph)', () => {
  it('fines per year across authorities, with a threshold, a range and a country', async () => {
    expect(await yearsOf({})).toEqual(['2019 USD 1 100000000', '2020 GBP 2 38400000', '2022 KRW 1 69200000000', '2023 KRW 2 6827000000',
      '2024 KRW 2 15107800000', '2025 KRW 1 134790000000', 'null KRW 2 7509600000']);
    expect(await yearsOf({ minAmount: { amount: '15000000000', currency: 'KRW' }, years: { from: 2023 } }))
      .toEqual(['2024 KRW 1 15100000000', '2025 KRW 1 134790000000']);
    expect(await yearsOf({ country: 'GB' })).toEqual(['2020 GBP 2 38400000']);
    const r = await gql(BY_YEAR, { country: 'ZZ' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'country' });
  });

  it('the largest fine per country, by the authority\'s country, one row per currency', async () => {
    const r = await gql('{ stats { largestFinesByCountry { country { id } currency fine { id amount { amount } } fines } } }');
    expect(r.extensions!.neo4j!.queries).toBe(1);
    expect(r.data.stats.largestFinesByCountry).toEqual([
      { country: { id: 'KR' }, currency: 'KRW', fine: { id: 'skt-pipc-fine-2025', amount: { amount: '134790000000' } }, fines: 8 },
      { country: { id: 'GB' }, currency: 'GBP', fine: { id: 'ba-ico-penalty-2020', amount: { amount: '20000000' } }, fines: 2 },
      { country: { id: 'US' }, currency: 'USD', fine: { id: 'equifax-cfpb-civil-penalty-2019', amount: { amount: '100000000' } }, fines: 1 },
    ]);
    const bad = await gql('{ stats { largestFinesByCountry(currency: "WON") { currency } } }');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'currency' });
  });
});

const COMPANIES = 'query($filter: CompanyFilter) { companies(filter: $filter, first: 100) { totalCount edges { node { id name } } } }';

describe('CompanyFilter.finedByAtLeast (curated graph)', () => {
  it('counts distinct authorities: every fined company has one in the seeds', async () => {
    const one = await data(COMPANIES, { filter: { finedByAtLeast: 1 } });
    expect(one.companies.edges.map((e: { node: { id: string } }) => e.node.id).sort())
      .toEqual(['british-airways', 'equifax', 'golfzon', 'google', 'kakao', 'lg-uplus', 'marriott', 'sk-telecom']);
    expect((await data(COMPANIES, { filter: { finedByAtLeast: 2 } })).companies.totalCount).toBe(0);
    const bad = await refused(COMPANIES, { filter: { finedByAtLeast: 0 } });
    expect(bad.message).toMatch(/filter\.finedByAtLeast/);
  });
});

describe('with the GDPR catalogue imported (data/gdpr-fines-2018-2020.tsv)', () => {
  beforeAll(async () => {
    const read = readCatalogue(fileURLToPath(new URL('../../data/gdpr-fines-2018-2020.tsv', import.meta.url)), gdprFines);
    await importRecords(driver, db(), queries, gdprFines, read.records, { batchSize: 100 });
  }, 240_000);

  it('the largest fine per country: CNIL\'s EUR 50 million on Google (row 66), the Garante\'s on TIM; GB in EUR and GBP', async () => {
    const r = await data('{ stats { largestFinesByCountry(currency: "EUR") { country { id } currency fine { amount { amount } authority { id } company { id name } } fines } } }');
    const byCountry = new Map(r.stats.largestFinesByCountry.map((x: { country: { id: string } }) => [x.country.id, x]));
    // The importer took "Google Inc." for the curated Google, which the PIPC also fined.
    expect(byCountry.get('FR')).toEqual({ country: { id: 'FR' }, currency: 'EUR', fine: { amount: { amount: '50000000' }, authority: { id: 'cnil' }, company: { id: 'google', name: 'Google' } }, fines: 5 });
    expect(byCountry.get('IT')).toMatchObject({ fine: { amount: { amount: '27802946' }, company: { name: expect.stringMatching(/^TIM/) } } });
    expect(byCountry.get('AT')).toMatchObject({ fine: { amount: { amount: '18000000' } } });
    expect(byCountry.has('KR')).toBe(false);
    const all = await data('{ stats { largestFinesByCountry { country { id } currency fine { amount { amount } } } } }');
    expect(all.stats.largestFinesByCountry.filter((x: { country: { id: string } }) => x.country.id === 'GB'))
      .toEqual([{ country: { id: 'GB' }, currency: 'EUR', fine: { amount: { amount: '320000' } } },
        { country: { id: 'GB' }, currency: 'GBP', fine: { amount: { amount: '20000000' } } }]);
  });

  it('the same for one country through fines(filter: {country}), ordered by amount', async () => {
    const r = await data('{ fines(filter: { country: "FR" }, orderBy: [{ field: AMOUNT, direction: DESC }], first: 1) { edges { node { amount { amount currency } date { iso } } } } }');
    expect(r.fines.edges).toEqual([{ node: { amount: { amount: '50000000', currency: 'EUR' }, date: { iso: '2019-01-21' } } }]);
  });

  it('which authority fined most in 2019, in euros: the CNIL, EUR 51.1 million', async () => {
    const r = await data(`{ stats { finesByAuthorityAndYear(year: 2019, currency: "EUR", orderBy: LARGEST_TOTAL_FIRST, first: 2) {
      authority { id } year totals { currency count sum { amount } } } } }`);
    expect(r.stats.finesByAuthorityAndYear.map((x: Row) => [x.authority.id, x.year, x.totals])).toEqual([
      ['cnil', 2019, [{ currency: 'EUR', count: 5, sum: { amount: '51100000' } }]],
      ['dsb', 2019, [{ currency: 'EUR', count: 3, sum: { amount: '18061000' } }]],
    ]);
  });

  it('fines of EUR 1 million or more per year: five in 2019, four in 2020', async () => {
    expect(await yearsOf({ minAmount: { amount: '1000000', currency: 'EUR' } })).toEqual(['2019 EUR 5 94650000', '2020 EUR 4 46302946']);
  });

  it('companies fined by more than one authority: the brute-force answer, Google (CNIL, Sweden, PIPC); the two UniCredit banks, one per country, are not', async () => {
    const expected = (await q(`MATCH (c:Company)<-[:AGAINST]-(:Fine)<-[:IMPOSED]-(a:Authority)
      WITH c, count(DISTINCT a) AS n WHERE n >= 2 RETURN c.id AS id ORDER BY id`)).map((x) => x.id as string);
    const r = await gql(COMPANIES, { filter: { finedByAtLeast: 2 } });
    expect(r.extensions!.neo4j!.queries).toBe(1);
    const names = r.data.companies.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(r.data.companies.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(expected);
    expect(names).toContain('Google');
    // Romania's and Czechia's UniCredit are two companies (the import never merges across countries), each fined once.
    expect(names.filter((n: string) => /unicredit/i.test(n))).toEqual([]);
    const three = await data(COMPANIES, { filter: { finedByAtLeast: 3 } });
    expect(three.companies.edges).toEqual([{ node: { id: 'google', name: 'Google' } }]);
    expect(r.data.companies.totalCount).toBe(expected.length);
  });

  it('the IDE examples of these questions answer', async () => {
    for (const name of ['fines-catalogue-questions']) {
      const r = await gql(example(name));
      expect(r.errors).toBeUndefined();
      expect(JSON.stringify(r.data)).toContain('EUR 50,000,000');
    }
  });
});
