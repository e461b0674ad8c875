import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadFile, seedFiles } from '../../src/seed/load.js';
import { testDriver } from '../support/api.js';

// The best-value rules live in one place, seeds/99-derived-values.cypher; these cases run it on
// the real Neo4j against small incidents and fines made for the purpose (ids test-derived-*).
const driver = testDriver();
const db = () => inject('database');
const DERIVE = seedFiles().find((f) => f.endsWith('99-derived-values.cypher'))!;

const cases = {
  latest: [['a', 4500, '2025-11-18', 'EXACT'], ['b', 33700000, '2025-11-29', 'ABOUT']],
  precise: [['a', 1, '2025-11', 'ABOUT'], ['b', 2, '2025-11-01', 'ABOUT']],
  exact: [['a', 1, '2025-08-30', 'ABOUT'], ['b', 2, '2025-08-30', 'EXACT']],
  undated: [['a', 27000000, null, 'ALMOST'], ['b', 23244649, '2025-08-30', 'EXACT']],
} as const;

beforeAll(async () => {
  for (const [name, estimates] of Object.entries(cases)) {
    await driver.executeQuery(`
      CREATE (i:Incident:Entity {id: $id, title: $id, kind: 'OTHER'})
      WITH i UNWIND $estimates AS e
      CREATE (i)-[:HAS_ESTIMATE]->(:Estimate:Entity {id: $id + '-' + e[0], metric: 'AFFECTED', value: e[1], asOf: e[2], qualifier: e[3], unit: 'accounts'})`,
    { id: `test-derived-${name}`, estimates }, { database: db() });
  }
  await driver.executeQuery(`
    CREATE (f:Fine:Entity {id: 'test-derived-fine', kind: 'ADMINISTRATIVE_PENALTY'})
    WITH f UNWIND [['a', '134000000000', '2025-08'], ['b', '134800000000', '2025-08-28'], ['c', '134790000000', null], ['d', null, null]] AS r
    CREATE (f)-[:REPORTED_AS]->(:FineReport:Entity {id: 'test-derived-fine-' + r[0], amount: r[1], currency: CASE WHEN r[1] IS NULL THEN null ELSE 'KRW' END, date: r[2]})`,
  {}, { database: db() });
  await loadFile(driver, db(), DERIVE);
});

afterAll(async () => {
  await driver.executeQuery("MATCH (n:Entity) WHERE n.id STARTS WITH 'test-derived-' DETACH DELETE n", {}, { database: db() });
  await loadFile(driver, db(), DERIVE);
  await driver.close();
});

async function best(id: string) {
  const { records } = await driver.executeQuery('MATCH (i:Incident {id: $id}) RETURN i.accountsAffectedEstimate AS e', { id }, { database: db() });
  return records[0]!.get('e') as string;
}

describe('seeds/99-derived-values.cypher', () => {
  it('the best estimate is the latest, then the more precise date, then exact over approximate; undated loses', async () => {
    expect(await best('test-derived-latest')).toBe('test-derived-latest-b');
    expect(await best('test-derived-precise')).toBe('test-derived-precise-b');
    expect(await best('test-derived-exact')).toBe('test-derived-exact-b');
    expect(await best('test-derived-undated')).toBe('test-derived-undated-b');
  });

  it('the best fine amount is the most precise report, the date the most precise one, the key exact', async () => {
    const { records } = await driver.executeQuery("MATCH (f:Fine {id: 'test-derived-fine'}) RETURN f {.*} AS f", {}, { database: db() });
    expect(records[0]!.get('f')).toMatchObject({
      amount: '134790000000', currency: 'KRW', date: '2025-08-28', year: 2025,
      amountKey: '000000000000134790000000.000000',
    });
  });

  it('is idempotent: running it again sets the same values', async () => {
    const before = await best('test-derived-latest');
    await loadFile(driver, db(), DERIVE);
    expect(await best('test-derived-latest')).toBe(before);
  });
});
