import { afterAll, describe, expect, it, inject } from 'vitest';
import { data, testDriver } from '../support/api.js';

// The seed data says what its sources say, and no more (issue 11's data-truth pass).
const driver = testDriver();
afterAll(() => driver.close());
const q = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: inject('database') })).records.map((r) => r.toObject());

describe('the seeds say what the sources say', () => {
  it('the Coupang breach follows a similar leak at SK Telecom: a sourced, attributed link that relatedIncidents and paths use', async () => {
    expect(await q("MATCH (:Incident {id: 'coupang-breach-2025'})-[r:FOLLOWS_SIMILAR]->(:Incident {id: 'skt-breach-2025'}) RETURN r.source AS source, r.attributedTo AS by, r.quote AS quote"))
      .toEqual([{ source: 'azzet-coupang-2025', by: 'azzet', quote: 'The data breach follows a similar leak at South Korea’s SK Telecom this year' }]);
    const { coupang } = await data('{ coupang: incident(id: "coupang-breach-2025") { relatedIncidents(first: 3) { incident { id } reasons { reason via { id } path { relationships { type from to } } } } } }');
    const { skt } = await data('{ skt: incident(id: "skt-breach-2025") { relatedIncidents(first: 1) { incident { id } reasons { reason } } } }');
    const { paths } = await data('{ paths(from: "coupang", to: "sk-telecom", maxHops: 3, relationshipTypes: [AFFECTED, FOLLOWS_SIMILAR], first: 1) { length relationships { type } } }');
    const first = coupang.relatedIncidents[0];
    expect(first.incident.id).toBe('skt-breach-2025');
    expect(first.reasons[0]).toEqual({ reason: 'SIMILAR_INCIDENT', via: null,
      path: { relationships: [{ type: 'FOLLOWS_SIMILAR', from: 'coupang-breach-2025', to: 'skt-breach-2025' }] } });
    expect(first.reasons.map((r: { reason: string }) => r.reason)).toContain('SAME_INVESTIGATING_AUTHORITY');
    expect(skt.relatedIncidents[0]).toEqual({ incident: { id: 'coupang-breach-2025' }, reasons: expect.arrayContaining([{ reason: 'SIMILAR_INCIDENT' }]) });
    expect(paths[0]).toEqual({ length: 3, relationships: [{ type: 'AFFECTED' }, { type: 'FOLLOWS_SIMILAR' }, { type: 'AFFECTED' }] });
  });

  it('estimates: asOf only where a source dates the figure, reportedOn apart, qualifiers as written, Q3 a quarter', async () => {
    const { skt, coupang, marriott } = await data(`{
      skt: incident(id: "skt-breach-2025") { accountsAffected { id qualifier } estimates { id qualifier asOf { iso } reportedOn { iso } } }
      coupang: company(id: "coupang") { sizeFacts { id qualifier asOf { iso precision year month asReported } reportedOn { iso asReported } } }
      marriott: incident(id: "marriott-starwood-breach") { estimates { value qualifier } }
    }`);
    expect(skt.accountsAffected).toEqual({ id: 'skt-breach-2025-affected-23244649', qualifier: 'EXACT' });
    const byId = Object.fromEntries(skt.estimates.map((e: any) => [e.id, e]));
    expect(byId['skt-breach-2025-affected-23.2m']).toEqual({ id: 'skt-breach-2025-affected-23.2m', qualifier: 'UNQUALIFIED', asOf: null, reportedOn: { iso: '2025-08-28' } });
    expect(byId['skt-breach-2025-affected-23244649'].asOf).toBeNull();
    expect(coupang.sizeFacts.find((e: any) => e.id === 'coupang-active-users-2025-q3').asOf)
      .toEqual({ iso: '2025-07/2025-09', precision: 'QUARTER', year: 2025, month: null, asReported: 'in the third quarter' });
    expect(coupang.sizeFacts.find((e: any) => e.id === 'coupang-active-users-2025-11'))
      .toMatchObject({ qualifier: 'UNQUALIFIED', asOf: null, reportedOn: { iso: '2025-11', asReported: 'it said in November' } });
    expect(marriott.estimates).toEqual([{ value: 339000000, qualifier: 'UNQUALIFIED' }]);
  });

  it('attribution as the sources give it: police unnamed, the PIPC behind the LG Uplus facts, the probe per Dong-A', async () => {
    expect(await q(`MATCH (a)-[:CONDUCTS]->(:Investigation {id: 'coupang-breach-2025-police-investigation'})-[:SOURCED_FROM]->(s)
      RETURN a.id AS by, s.id AS source`)).toEqual([{ by: 'south-korean-police', source: 'donga-2025-12-01' }]);
    const lg = await q(`MATCH (n)-[r:SOURCED_FROM]->(:Source {id: 'pipc-lguplus-2023-07-12'}) RETURN DISTINCT r.attributedTo AS by`);
    expect(lg).toEqual([{ by: 'pipc' }]);
  });

  it('leaves out what no source gives: full names, sectors, aliases, publisher countries, investigation statuses', async () => {
    expect(await q("MATCH (n:Entity) WHERE n.id IN ['ico', 'cfpb', 'ftc', 'korean-national-police-agency', 'marriott', 'british-airways'] RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.sector AS sector ORDER BY id"))
      .toEqual([
        { id: 'british-airways', name: 'British Airways', aliases: [], sector: null },
        { id: 'cfpb', name: 'CFPB', aliases: [], sector: null },
        { id: 'ftc', name: 'FTC', aliases: [], sector: null },
        { id: 'ico', name: 'ICO', aliases: [], sector: null },
        { id: 'korean-national-police-agency', name: 'National Police Agency', aliases: [], sector: null },
        { id: 'marriott', name: 'Marriott', aliases: [], sector: null },
      ]);
    expect(await q('MATCH (p:Publisher)-[:IN_COUNTRY]->() RETURN p.id')).toEqual([]);
    expect(await q("MATCH (i:Investigation) WHERE i.status IS NOT NULL AND NOT i.id STARTS WITH 'coupang-breach-2025-' RETURN i.id")).toEqual([]);
  });

  it('money given in prose is recorded as amounts with their currency', async () => {
    const { ba, equifax } = await data(`{
      ba: node(id: "british-airways-breach-2018-notice-of-intent") { ... on Event { kind against { id } amounts { money { amount currency } label } } }
      equifax: node(id: "equifax-breach-2017-settlement") { ... on Event { organizer { __typename } amounts { money { display } label } } }
    }`);
    expect(ba).toEqual({ kind: 'NOTICE_OF_INTENT', against: { id: 'british-airways' }, amounts: [{ money: { amount: '183390000', currency: 'GBP' }, label: 'proposed penalty' }] });
    expect(equifax.organizer).toBeNull();
    expect(equifax.amounts.map((a: any) => `${a.money.display} ${a.label}`)).toEqual([
      'USD 700,000,000 up to, in total', 'USD 175,000,000 to the states, in civil penalties', 'USD 100,000,000 to the CFPB, in civil penalties',
    ]);
  });
});
