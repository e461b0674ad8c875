import { afterAll, describe, expect, inject, it } from 'vitest';
import { gql, testDriver } from '../support/api.js';

// Sectors are a property of companies (seeds/03-organizations.cypher: Coupang "E-commerce",
// SK Telecom and LG Uplus "Telecommunications"; the others have none).
const driver = testDriver();
afterAll(() => driver.close());

const COMPANIES = 'query($sector: String) { companies(filter: { sector: $sector }, first: 100) { totalCount edges { node { id } } } }';

async function companiesIn(sector: string): Promise<string[]> {
  const r = await gql(COMPANIES, { sector });
  expect(r.errors).toBeUndefined();
  expect(r.extensions!.neo4j!.queries).toBe(1);
  expect(r.data.companies.totalCount).toBe(r.data.companies.edges.length);
  return r.data.companies.edges.map((e: { node: { id: string } }) => e.node.id).sort();
}

describe('Query.sectors', () => {
  it('lists each sector with its companies and the incidents that affected them, counted independently', async () => {
    const { records } = await driver.executeQuery(`
      MATCH (c:Company) WHERE c.sector IS NOT NULL
      RETURN c.sector AS name, count(c) AS companyCount, sum(COUNT { (c)<-[:AFFECTED]-(:Incident) }) AS incidentCount ORDER BY name`,
    {}, { database: inject('database') });
    const expected = records.map((r) => r.toObject());
    const r = await gql('{ sectors { name companyCount incidentCount } }');
    expect(r.extensions!.neo4j!.queries).toBe(1);
    expect(r.data.sectors).toEqual(expected);
    expect(r.data.sectors.map((s: { name: string; companyCount: number }) => [s.name, s.companyCount])).toEqual([['E-commerce', 1], ['Telecommunications', 2]]);
    expect(r.data.sectors.every((s: { incidentCount: number }) => s.incidentCount >= 1)).toBe(true);
  });
});

describe('CompanyFilter.sector: forgiving matching', () => {
  it('a word prefix, any case, punctuation ignored, a plural as its singular', async () => {
    const telecoms = ['lg-uplus', 'sk-telecom'];
    for (const s of ['Telecommunications', 'telecommunications', 'telecom', 'TELECOM', 'Telecoms', 'tele']) expect(await companiesIn(s), s).toEqual(telecoms);
    for (const s of ['E-commerce', 'e-commerce', 'ecommerce', 'E commerce', 'commerce', 'ecom']) expect(await companiesIn(s), s).toEqual(['coupang']);
  });

  it('only the start of the name or of a word matches', async () => {
    expect(await companiesIn('communications')).toEqual([]);
    expect(await companiesIn('elecom')).toEqual([]);
    expect(await companiesIn('comm')).toEqual(['coupang']);
    expect(await companiesIn('banking')).toEqual([]);
  });

  it('with the other filters', async () => {
    const r = await gql('{ companies(filter: { sector: "telecom", country: "KR", hasFine: true }) { totalCount } }');
    expect(r.data.companies.totalCount).toBe(2);
    const none = await gql('{ companies(filter: { sector: "telecom", country: "GB" }) { totalCount } }');
    expect(none.data.companies.totalCount).toBe(0);
  });

  it('a value with no letter or digit is BAD_USER_INPUT naming the filter', async () => {
    const r = await gql(COMPANIES, { sector: ' - ' });
    expect(r.data?.companies ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter' });
    expect(r.errors![0]!.message).toMatch(/filter\.sector/);
  });
});
