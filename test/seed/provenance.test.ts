import { afterAll, describe, expect, it, inject } from 'vitest';
import { testDriver } from '../support/api.js';

const driver = testDriver();
afterAll(() => driver.close());
const q = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: inject('database') })).records.map((r) => r.toObject());

describe('the curated data is sourced and well-formed', () => {
  it('every fact-bearing node cites at least one source', async () => {
    const unsourced = await q(`
      MATCH (n:Entity) WHERE NOT n:Source AND NOT n:Publisher AND NOT n:Country AND NOT n:DataCategory
        AND NOT (n)-[:SOURCED_FROM]->(:Source)
      RETURN n.id AS id, labels(n) AS labels`);
    expect(unsourced).toEqual([]);
  });

  it('every date is an ISO partial date and every amount an exact decimal with a currency', async () => {
    const badDates = await q(`
      MATCH (n:Entity) UNWIND ['accessStart', 'accessEnd', 'discoveredOn', 'reportedOn', 'disclosedOn', 'asOf', 'openedOn', 'date', 'publishedOn', 'since', 'until'] AS k
      WITH n, k, n[k] AS v WHERE v IS NOT NULL AND NOT v =~ '\\\\d{4}(-\\\\d{2}(-\\\\d{2})?)?'
        AND NOT v =~ '(\\\\d{4})-(01|04|07|10)/\\\\d{4}-(03|06|09|12)'
      RETURN n.id AS id, k, v`);
    expect(badDates).toEqual([]);
    const badMoney = await q(`
      MATCH (r:FineReport) WHERE r.amount IS NOT NULL AND (NOT r.amount =~ '\\\\d+(\\\\.\\\\d+)?' OR NOT r.currency =~ '[A-Z]{3}')
      RETURN r.id AS id`);
    expect(badMoney).toEqual([]);
    const noAmount = await q('MATCH (f:Fine) WHERE NOT EXISTS { MATCH (f)-[:REPORTED_AS]->(r:FineReport) WHERE r.amount IS NOT NULL } RETURN f.id AS id');
    expect(noAmount).toEqual([]);
  });

  it('every attribution that names a party points at a node in the graph', async () => {
    const dangling = await q(`
      MATCH ()-[r:SOURCED_FROM]->() WHERE r.attributedTo IS NOT NULL AND NOT EXISTS { MATCH (:Entity {id: r.attributedTo}) }
      RETURN r.attributedTo AS id`);
    expect(dangling).toEqual([]);
  });

  it('holds the stable ids of the seed article', async () => {
    const ids = ['coupang', 'sk-telecom', 'coupang-breach-2025', 'skt-breach-2025', 'pipc', 'korean-national-police-agency',
      'park-dae-jun', 'bae-kyung-hoon', 'yoo-jae-sung', 'yonhap', 'KR'];
    const found = await driver.executeQuery('UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN collect(n.id) AS found', { ids }, { database: inject('database') });
    expect([...(found.records[0]!.get('found') as string[])].sort()).toEqual([...ids].sort());
  });
});
