import { describe, expect, it } from 'vitest';
import { data, gql } from '../support/api.js';

// Reads "as known on a day" (asOf) on the curated graph. The days come from the seeds' sources:
// Coupang reported 4,500 exposed records to the PIPC on 20 November 2025 (Dong-A Ilbo) and
// announced the 33.7 million accounts on 30 November; the PIPC fined SK Telecom on 28 August 2025
// (The Korea Herald); MENAFN reported 23,244,649 users on 30 August 2025.

const COUPANG = 'coupang-breach-2025';

describe('a best value as known on a day', () => {
  it('Coupang on 2025-11-25: records exposed 4,500, accounts affected not 33.7 million (no dated estimate: none)', async () => {
    const d = await data(`{ incident(id: "${COUPANG}", asOf: "2025-11-25") {
      accountsAffected { id value } recordsExposed { id value } recordsExposedBasis { rule compared }
      estimates { id isBest } } }`);
    expect(d.incident.accountsAffected).toBeNull();
    expect(d.incident.recordsExposed).toEqual({ id: 'coupang-breach-2025-records-4500', value: 4500 });
    expect(d.incident.recordsExposedBasis).toEqual({ rule: 'ONLY_REPORT', compared: 0 });
    // The 33.7 million estimate was not known yet; the 4,500 accounts no source dates.
    expect(d.incident.estimates).toEqual([{ id: 'coupang-breach-2025-records-4500', isBest: true }]);
  });

  it('Coupang on 2025-12-05: about 33.7 million accounts, and without asOf the same as today', async () => {
    const d = await data(`{ then: incident(id: "${COUPANG}", asOf: "2025-12-05") { accountsAffected { id value qualifier } }
      now: incident(id: "${COUPANG}") { accountsAffected { id value qualifier } } }`);
    expect(d.then.accountsAffected).toEqual({ id: 'coupang-breach-2025-estimate-33700000', value: 33700000, qualifier: 'ABOUT' });
    expect(d.now.accountsAffected).toEqual(d.then.accountsAffected);
  });

  it('the same query text with another day in its variables answers for that day (the parsed document is shared)', async () => {
    const q = `query($d: PartialDateString) { incident(id: "${COUPANG}", asOf: $d) { accountsAffected { value } } }`;
    expect((await data(q, { d: '2025-11-25' })).incident.accountsAffected).toBeNull();
    expect((await data(q, { d: '2025-12-05' })).incident.accountsAffected).toEqual({ value: 33700000 });
    expect((await data(q, { d: '2025-11-25' })).incident.accountsAffected).toBeNull();
  });

  it('SK Telecom: the 23.2 million of 28 August is the best value until MENAFN\'s figure of 30 August', async () => {
    const d = await data(`{ a: incident(id: "skt-breach-2025", asOf: "2025-08-29") { accountsAffected { id } accountsAffectedBasis { rule } }
      b: incident(id: "skt-breach-2025", asOf: "2025-08-30") { accountsAffected { id } } }`);
    expect(d.a.accountsAffected.id).toBe('skt-breach-2025-affected-23.2m');
    expect(d.a.accountsAffectedBasis.rule).toBe('ONLY_REPORT');
    expect(d.b.accountsAffected.id).toBe('skt-breach-2025-affected-23244649');
  });

  it('figureTimeline lists each change with its day, value, rule and sources; under asOf only those up to the day', async () => {
    const d = await data(`{ all: incident(id: "skt-breach-2025") { figureTimeline { metric day value summary basis { rule }
        estimate { id sources { source { id } } } } }
      then: incident(id: "skt-breach-2025", asOf: "2025-08-29") { figureTimeline { day estimate { id } } } }`);
    expect(d.all.figureTimeline).toEqual([
      { metric: 'ACCOUNTS_AFFECTED', day: '2025-08-28', value: 23200000, summary: '23,200,000 LTE and 5G subscribers (accounts affected) on 2025-08-28',
        basis: { rule: 'ONLY_REPORT' }, estimate: { id: 'skt-breach-2025-affected-23.2m', sources: [{ source: { id: 'koreaherald-2025-08-28' } }] } },
      { metric: 'ACCOUNTS_AFFECTED', day: '2025-08-30', value: 23244649, summary: '23,244,649 LTE and 5G users (accounts affected) on 2025-08-30',
        basis: { rule: 'ONLY_IN_ITS_UNIT' }, estimate: { id: 'skt-breach-2025-affected-23244649', sources: [{ source: { id: 'menafn-2025-08-30' } }] } },
    ]);
    expect(d.then.figureTimeline).toEqual([{ day: '2025-08-28', estimate: { id: 'skt-breach-2025-affected-23.2m' } }]);
  });
});

describe('a fine\'s amount as known on a day', () => {
  it('the PIPC\'s fine of SK Telecom: KRW 134.8 billion (The Korea Herald, 28 August) until MENAFN\'s 134.79 billion of 30 August', async () => {
    const q = (day: string) => `{ fine(id: "skt-pipc-fine-2025", asOf: "${day}") { amount { amount currency } amountBasis { rule compared }
      reports { id isBest } } stats(asOf: "${day}") { finesByYear(currency: "KRW") { year totals { sum { amount } count } } } }`;
    const a = await data(q('2025-08-29'));
    expect(a.fine.amount).toEqual({ amount: '134800000000', currency: 'KRW' });
    expect(a.fine.amountBasis).toEqual({ rule: 'ONLY_REPORT', compared: 0 });
    expect(a.fine.reports).toEqual([{ id: 'skt-pipc-fine-2025-report-koreaherald', isBest: true }]);
    const b = await data(q('2025-08-30'));
    expect(b.fine.amount.amount).toBe('134790000000');
    expect(b.fine.amountBasis.rule).toBe('MOST_PRECISE_AMOUNT');
    expect(b.fine.reports).toContainEqual({ id: 'skt-pipc-fine-2025-report-koreaherald', isBest: false });
    // The 2025 total is 10 million less with the more precise report (the KRW 9.6 million penalty
    // for late notification, reported on 30 August too, is undated: in no year's total).
    const total = (d: any) => BigInt(d.stats.finesByYear.find((y: any) => y.year === 2025).totals[0].sum.amount);
    expect(total(b) - total(a)).toBe(-10000000n);
  });
});

describe('what was known on a day', () => {
  it('the PIPC\'s fines as of 2025-07-31 leave out the SK Telecom fine of 28 August 2025, as of 2025-09-15 include it', async () => {
    const q = (day: string) => `{ authority(id: "pipc", asOf: "${day}") { finesImposed { id } }
      fines(asOf: "${day}", filter: { authority: "pipc" }) { totalCount } }`;
    const before = await data(q('2025-07-31'));
    const after = await data(q('2025-09-15'));
    const ids = (d: any) => d.authority.finesImposed.map((f: any) => f.id);
    expect(ids(before)).not.toContain('skt-pipc-fine-2025');
    expect(ids(before)).toContain('lg-uplus-pipc-fine-2023');
    expect(ids(after)).toContain('skt-pipc-fine-2025');
    expect(after.fines.totalCount).toBe(before.fines.totalCount + 2); // the fine and its late-notification penalty
  });

  it('dates that had not come yet are not shown: Coupang on 2025-11-25 was reported, not yet disclosed', async () => {
    const d = await data(`{ then: incident(id: "${COUPANG}", asOf: "2025-11-25") { disclosedOn { iso } reportedOn { iso } timeline { kind date { iso } } }
      now: incident(id: "${COUPANG}") { disclosedOn { iso } timeline { kind } } }`);
    expect(d.then.disclosedOn).toBeNull();
    expect(d.then.reportedOn).toEqual({ iso: '2025-11-19' });
    expect(d.then.timeline.every((e: any) => e.date.iso <= '2025-11-25')).toBe(true);
    expect(d.then.timeline.map((e: any) => e.kind)).toEqual(['ACCESS_STARTED', 'DISCOVERED', 'ESTIMATE', 'INVESTIGATION_OPENED', 'REPORTED', 'EVENT']);
    expect(d.now.disclosedOn).toEqual({ iso: '2025-11-30' });
    expect(d.now.timeline.map((e: any) => e.kind)).toContain('DISCLOSED');
  });

  it('an entity not yet known is null with NOT_FOUND saying from when it is known', async () => {
    const r = await gql(`{ incident(id: "${COUPANG}", asOf: "2025-11-18") { id } node(id: "coupang-breach-2025-estimate-33700000", asOf: "2025-11-25") { id } }`);
    expect(r.data).toEqual({ incident: null, node: null });
    const byPath = Object.fromEntries((r.errors ?? []).map((e: any) => [e.path[0], e]));
    expect(byPath.incident.extensions).toMatchObject({ code: 'NOT_FOUND', asOf: '2025-11-18', knownOn: '2025-11-19' });
    expect(byPath.node.message).toBe('The node "coupang-breach-2025-estimate-33700000" was not known on 2025-11-25: the graph counts it as known from 2025-11-30.');
  });

  it('lists, counts, rankings and search count only what was known', async () => {
    const d = await data(`{ incidents(asOf: "2024-01-01", orderBy: [{ field: ACCOUNTS_AFFECTED, direction: DESC }]) { totalCount edges { node { id knownOn } } }
      stats(asOf: "2024-01-01") { largestIncidents { id } incidentsByCountryAndYear(country: "KR") { year incidents } }
      search(query: "Coupang", asOf: "2025-01-01") { totalCount }
      now: search(query: "Coupang") { totalCount } }`);
    const ids = d.incidents.edges.map((e: any) => e.node.id);
    expect(ids).toEqual(['lg-uplus-breach-2023', 'kakao-open-chat-leak', 'equifax-breach-2017']);
    expect(d.incidents.totalCount).toBe(3);
    for (const e of d.incidents.edges) expect(e.node.knownOn <= '2024-01-01').toBe(true);
    expect(d.stats.largestIncidents.map((i: any) => i.id)).toEqual(['lg-uplus-breach-2023']);
    expect(d.stats.incidentsByCountryAndYear).toEqual([{ year: 2023, incidents: 2 }]);
    expect(d.search.totalCount).toBe(0);
    expect(d.now.totalCount).toBeGreaterThan(0);
  });

  it('a search page as known on a day is the known hits of the whole list, in its order, at every page size', async () => {
    // Small pages test only the first hits and then those scoring as well as the page's last
    // (cypher/search/hits.cypher): the same hits as testing every one.
    const all = await data(`{ search(query: "breach", first: 100) { totalCount edges { score node { __typename ... on Node { id knownOn } } } } }`);
    expect(all.search.totalCount).toBeGreaterThan(20);
    for (const day of ['2024-01-01', '2025-09-15', '2025-12-05']) {
      const known = all.search.edges.filter((e: any) => ['Country', 'DataCategory'].includes(e.node.__typename) || (e.node.knownOn && e.node.knownOn <= day))
        .map((e: any) => e.node.id);
      for (const first of [1, 2, 3, 5, 20]) {
        const page = await data(`query($d: PartialDateString, $n: Int) { search(query: "breach", first: $n, asOf: $d) { edges { node { ... on Node { id } } } } }`, { d: day, n: first });
        expect(page.search.edges.map((e: any) => e.node.id)).toEqual(known.slice(0, first));
      }
    }
  });

  it('the neighbourhood and paths walk only what was known: no path from Coupang\'s breach before it was known', async () => {
    const d = await data(`{ before: paths(from: "${COUPANG}", to: "skt-breach-2025", asOf: "2025-11-18") { length }
      after: paths(from: "${COUPANG}", to: "skt-breach-2025", asOf: "2025-12-31") { length relationships { type } }
      now: paths(from: "${COUPANG}", to: "skt-breach-2025") { length relationships { type } }
      hood: neighbourhood(id: "${COUPANG}", asOf: "2025-11-25") { nodes { id } } }`);
    expect(d.before).toEqual([]);
    // Today the seed article's link (FOLLOWS_SIMILAR) is the one-hop path; its source is undated,
    // so as known on any day the link is not walked.
    expect(d.now[0]).toEqual({ length: 1, relationships: [{ type: 'FOLLOWS_SIMILAR' }] });
    expect(d.after.length).toBeGreaterThan(0);
    expect(d.after.flatMap((p: any) => p.relationships.map((r: any) => r.type))).not.toContain('FOLLOWS_SIMILAR');
    const hood = d.hood.nodes.map((n: any) => n.id);
    expect(hood).toContain('coupang-breach-2025-records-4500');
    expect(hood).not.toContain('coupang-breach-2025-estimate-33700000');
    expect(hood).toContain('KR');
  });
});

describe('asOf refused', () => {
  it('a neighbourhood around an entity not yet known that day says from when it is known', async () => {
    const r = await gql(`{ neighbourhood(id: "${COUPANG}", asOf: "2025-01-01") { nodes { id } } }`);
    expect(r.data?.neighbourhood).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id', asOf: '2025-01-01', knownOn: '2025-11-19' });
  });

  it('in the future, before any data, or not a date: BAD_USER_INPUT naming asOf', async () => {
    const r = await gql(`{ a: incident(id: "${COUPANG}", asOf: "2999-01-01") { id } b: incidents(asOf: "1990") { totalCount } }`);
    const byPath = Object.fromEntries((r.errors ?? []).map((e: any) => [e.path[0], e.extensions]));
    expect(byPath.a).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'asOf' });
    expect(byPath.b).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'asOf', earliest: '2019-07-22' });
    const bad = await gql(`{ incident(id: "${COUPANG}", asOf: "2025-13") { id } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('one query per request', () => {
  it('a deep read with asOf is still one Neo4j query (planning aside), once the first known day is at hand', async () => {
    const q = `query($d: PartialDateString) { incident(id: "${COUPANG}", asOf: $d) { title company { name finesReceived { id } }
      investigations { title authorities { name finesImposed { id } } } relatedIncidents { incident { id } } } }`;
    await data(q, { d: '2025-12-05' });
    const r = await gql(q, { d: '2025-12-05' });
    expect(r.errors).toBeUndefined();
    expect(r.extensions?.neo4j?.queries).toBe(1);
  });
});
