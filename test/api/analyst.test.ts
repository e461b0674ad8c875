import { describe, expect, it } from 'vitest';
import { data, gql } from '../support/api.js';

// Issue 13: the misses an analyst found, each with the answer the sources give.

const SEARCH = `query($q: String!, $types: [SearchableType!], $first: Int, $after: String, $last: Int, $before: String) {
  search(query: $q, types: $types, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor score exact matchedFields node { __typename ... on Node { id } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const search = async (q: string, extra: Record<string, unknown> = {}) => (await data(SEARCH, { q, ...extra })).search;
const ids = (edges: any[]) => edges.map((e) => e.node.id);

describe('search forgives: prefixes and typos, ranked below exact matches', () => {
  it('finds Coupang from "Coupnag" and "Coup", SK Telecom from "Telecoms", the apologies from "apologize"', async () => {
    const typo = await search('Coupnag', { types: ['COMPANY'] });
    expect(typo.edges[0]).toMatchObject({ node: { id: 'coupang' }, exact: false, matchedFields: ['name'] });
    expect(typo.edges[0].score).toBeLessThan(1);
    expect(ids((await search('Coup', { types: ['COMPANY'] })).edges)).toContain('coupang');
    expect(ids((await search('Telecoms', { types: ['COMPANY'] })).edges)).toContain('sk-telecom');
    const apologies = ids((await search('apologize', { types: ['STATEMENT'] })).edges);
    expect(apologies).toEqual(expect.arrayContaining(['coupang-breach-2025-park-apology', 'lg-uplus-breach-2023-hwang-apology']));
  });

  it('ranks every match of the words as written above every forgiving one, scores descending', async () => {
    for (const q of ['Kakao', 'Coupang', 'breach', 'telecom']) {
      const edges = (await search(q, { first: 100 })).edges;
      const firstForgiving = edges.findIndex((e: any) => !e.exact);
      if (firstForgiving >= 0) expect(edges.slice(firstForgiving).every((e: any) => !e.exact), q).toBe(true);
      const scores = edges.map((e: any) => e.score);
      expect([...scores].sort((a, b) => b - a), q).toEqual(scores);
      for (const e of edges) expect(e.score > 1, q).toBe(e.exact);
    }
    // A word found as written is never pushed down by its typo-tolerant neighbours.
    const kakao = await search('Kakao', { types: ['COMPANY'] });
    expect(kakao.edges[0]).toMatchObject({ node: { id: 'kakao' }, exact: true });
  });

  it('searches publishers, the attributions inside sources, and what was exposed', async () => {
    const yonhap = ids((await search('Yonhap', { first: 50 })).edges);
    expect(yonhap).toContain('yonhap');
    // Facts attributed to Yonhap: the suspect and the warning email of the Coupang breach, the police, the Kakao case.
    expect(yonhap).toEqual(expect.arrayContaining(['coupang-breach-2025', 'kakao-open-chat-leak', 'south-korean-police', 'coupang-breach-2025-suspect']));
    const byAttribution = (await search('Yonhap', { types: ['INCIDENT'] })).edges.find((e: any) => e.node.id === 'coupang-breach-2025');
    expect(byAttribution.matchedFields).toContain('attributions');
    const phones = (await search('phone numbers', { types: ['INCIDENT'] })).edges;
    expect(ids(phones)).toEqual(expect.arrayContaining(['coupang-breach-2025', 'skt-breach-2025', 'lg-uplus-breach-2023']));
    expect(phones.find((e: any) => e.node.id === 'coupang-breach-2025').matchedFields).toEqual(['exposedData']);
    // Data stated NOT exposed is found, and said to be so.
    const payment = (await search('payment details', { types: ['INCIDENT'] })).edges.find((e: any) => e.node.id === 'coupang-breach-2025');
    expect(payment.matchedFields).toEqual(['notExposedData']);
  });

  it('matchedFields stays true: every hit, exact or forgiven, says where it matched', async () => {
    for (const q of ['Coupnag', 'Coup', 'Telecoms', 'apologize', 'Yonhap', 'phone numbers', 'PIPC', 'emergency meeting', 'Marriot']) {
      const edges = (await search(q, { first: 100 })).edges;
      expect(edges.length, q).toBeGreaterThan(0);
      for (const e of edges) expect(e.matchedFields.length, `${q}: ${e.node.id}`).toBeGreaterThan(0);
    }
  });

  it('pages backwards with last/before to the same hits in reverse', async () => {
    const all = await search('breach', { first: 100 });
    const back: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page: any = await search('breach', { last: 3, before });
      back.unshift(...ids(page.edges));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(back).toEqual(ids(all.edges));
    const mixed = await gql(SEARCH, { q: 'breach', first: 2, last: 2 });
    expect(mixed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps the text as text: syntax in the words forgives nothing it should not', async () => {
    const r = await gql(SEARCH, { q: 'coup* OR title:x~ "AND' });
    expect(r.errors).toBeUndefined();
  });
});

describe('"what did this body do before", in order and cut off', () => {
  it('the PIPC\'s fines newest first, undated last; the last three before the Coupang breach came to light', async () => {
    const { authority } = await data(`{ authority(id: "pipc") {
      all: finesImposed { id }
      newest: finesImposed(orderBy: NEWEST_FIRST) { id date { iso } }
      oldest: finesImposed(orderBy: OLDEST_FIRST) { id }
      lastThree: finesImposed(orderBy: NEWEST_FIRST, first: 3, between: { to: "2025-11-29" }) { id }
      in2024: finesImposed(orderBy: OLDEST_FIRST, between: { from: "2024", to: "2024" }) { id }
    } }`);
    expect(authority.newest.map((f: any) => f.id)).toEqual([
      'skt-pipc-fine-2025', 'kakao-pipc-fine-2024', 'kakao-pipc-penalty-2024', 'lg-uplus-pipc-fine-2023', 'lg-uplus-pipc-penalty-2023',
      'google-pipc-penalty-2022', 'golfzon-pipc-penalty', 'skt-pipc-fine-2025-late-notification',
    ]);
    expect(authority.newest.slice(-2).map((f: any) => f.date)).toEqual([null, null]);
    // Undated fines count as the earliest (as root lists order them): first oldest-first, last newest-first.
    expect(authority.oldest.map((f: any) => f.id).slice(0, 4)).toEqual(['golfzon-pipc-penalty', 'skt-pipc-fine-2025-late-notification',
      'google-pipc-penalty-2022', 'lg-uplus-pipc-fine-2023']);
    expect(authority.oldest.map((f: any) => f.id).at(-1)).toBe('skt-pipc-fine-2025');
    expect(authority.lastThree.map((f: any) => f.id)).toEqual(['skt-pipc-fine-2025', 'kakao-pipc-fine-2024', 'kakao-pipc-penalty-2024']);
    expect(authority.in2024.map((f: any) => f.id)).toEqual(['kakao-pipc-fine-2024', 'kakao-pipc-penalty-2024']);
    // Without arguments, the order it always had: by id.
    expect(authority.all.map((f: any) => f.id)).toEqual([...authority.all.map((f: any) => f.id)].sort());
  });

  it('the PIPC\'s investigations in date order, and investigations(orderBy: OPENED_ON) sorts', async () => {
    const { authority } = await data('{ authority(id: "pipc") { investigations(orderBy: OLDEST_FIRST) { id openedOn { iso precision asReported } } } }');
    // Undated investigations first (the earliest, as in root lists), then the dated, oldest first.
    const firstDated = authority.investigations.findIndex((i: any) => i.openedOn);
    expect(firstDated).toBeGreaterThan(0);
    expect(authority.investigations.slice(firstDated).every((i: any) => i.openedOn)).toBe(true);
    expect(authority.investigations.slice(firstDated, firstDated + 2)).toEqual([
      { id: 'lg-uplus-breach-2023-pipc-investigation',
        openedOn: { iso: '2023-01', precision: 'MONTH', asReported: 'conducted since the hacking attack was reported in January 2023' } },
      { id: 'kakao-open-chat-leak-pipc-investigation',
        openedOn: { iso: '2023-03', precision: 'MONTH', asReported: 'opened after media reports in March 2023' } },
    ]);
    const { investigations } = await data('{ investigations(orderBy: [{ field: OPENED_ON, direction: DESC }], first: 2) { edges { node { id } } } }');
    expect(investigations.edges.map((e: any) => e.node.id)).toEqual(['coupang-breach-2025-government-investigation', 'kakao-open-chat-leak-pipc-investigation']);
  });

  it('a company\'s incidents and fines, a person\'s statements, an incident\'s events take the same arguments', async () => {
    const r = await data(`{
      company(id: "sk-telecom") { incidents(orderBy: NEWEST_FIRST, first: 1) { id } finesReceived(orderBy: NEWEST_FIRST, first: 1) { id } }
      person(id: "bae-kyung-hoon") { statements(orderBy: NEWEST_FIRST) { id reportedOn { iso } } }
      incident(id: "coupang-breach-2025") { events(orderBy: NEWEST_FIRST, first: 2) { id } statements(between: { from: "2025-11" }) { id } }
      kr: node(id: "KR") { ... on Country { incidents(orderBy: OLDEST_FIRST, between: { from: "2023" }) { id year } } }
    }`);
    expect(r.company).toEqual({ incidents: [{ id: 'skt-breach-2025' }], finesReceived: [{ id: 'skt-pipc-fine-2025' }] });
    expect(r.person.statements[0]).toEqual({ id: 'coupang-breach-2025-bae-examining-rules', reportedOn: { iso: '2025-11-30' } });
    expect(r.incident.events.map((e: any) => e.id)).toEqual(['coupang-breach-2025-police-complaint', 'coupang-breach-2025-emergency-meeting']);
    expect(r.incident.statements.map((e: any) => e.id)).toEqual(['coupang-breach-2025-bae-examining-rules']);
    expect(r.kr.incidents).toEqual([{ id: 'lg-uplus-breach-2023', year: 2023 }, { id: 'kakao-open-chat-leak', year: 2023 },
      { id: 'skt-breach-2025', year: 2025 }, { id: 'coupang-breach-2025', year: 2025 }]);
  });

  it('rejects a range that ends before it starts and a first out of range', async () => {
    const bad = await gql('{ authority(id: "pipc") { finesImposed(between: { from: "2025", to: "2024" }) { id } } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await gql('{ authority(id: "pipc") { finesImposed(first: 101) { id } } }');
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a reversed range in root list filters too, naming it (it used to be an empty answer)', async () => {
    for (const [query, path] of [
      ['{ incidents(filter: { disclosedBetween: { from: "2025", to: "2024-12" } }) { totalCount } }', 'filter.disclosedBetween'],
      ['{ incidents(filter: { accessedBetween: { from: "2025-06-02", to: "2025-06-01" } }) { totalCount } }', 'filter.accessedBetween'],
      ['{ statements(filter: { between: { from: "2025-12", to: "2025-11" } }) { totalCount } }', 'filter.between'],
      ['{ events(filter: { between: { from: "2026", to: "2025" } }) { totalCount } }', 'filter.between'],
    ] as const) {
      const r = await gql(query);
      expect(r.errors?.[0], query).toMatchObject({ message: `${path}: from is after to.`, extensions: { code: 'BAD_USER_INPUT', argumentName: 'filter' } });
    }
    // A range within one period (a month from its first to its last day) is not reversed.
    const month = await gql('{ incidents(filter: { disclosedBetween: { from: "2025-11", to: "2025-11" } }) { totalCount } }');
    expect(month.errors).toBeUndefined();
  });
});

describe('dates the sources give, and the year stats count an incident in', () => {
  it('Coupang was disclosed in 2025 (30 November, per Dong-A Ilbo), SK Telecom in April 2025 (The Korea Herald); Kakao\'s leak came to light in March 2023', async () => {
    const { incidents } = await data('{ incidents(filter: { disclosedBetween: { from: "2025" } }) { edges { node { id disclosedOn { iso precision asReported } } } } }');
    expect(incidents.edges.map((e: any) => e.node).sort((a: any, b: any) => a.id.localeCompare(b.id))).toEqual([
      { id: 'coupang-breach-2025', disclosedOn: { iso: '2025-11-30', precision: 'DAY', asReported: 'said so publicly on 30 November' } },
      { id: 'skt-breach-2025', disclosedOn: { iso: '2025-04', precision: 'MONTH', asReported: 'In April, SK Telecom belatedly disclosed a major leak' } },
    ]);
    const { incident } = await data('{ incident(id: "kakao-open-chat-leak") { disclosedOn { iso precision } year yearBasis } }');
    expect(incident).toEqual({ disclosedOn: { iso: '2023-03', precision: 'MONTH' }, year: 2023, yearBasis: 'DISCLOSED' });
  });

  it('SK Telecom counts in 2025, the year it came to light, not 2021 when access began', async () => {
    const { incident, stats } = await data(`{
      incident(id: "skt-breach-2025") { year yearBasis accessStart { iso } }
      stats { incidentsByCountryAndYear(country: "KR") { year incidents } }
    }`);
    expect(incident).toEqual({ year: 2025, yearBasis: 'DISCLOSED', accessStart: { iso: '2021-08' } });
    expect(stats.incidentsByCountryAndYear).toEqual([{ year: 2023, incidents: 2 }, { year: 2025, incidents: 2 }]);
  });

  it('statements carry the date the source reporting them gives, apart from when they were said', async () => {
    const { incident } = await data('{ incident(id: "skt-breach-2025") { statements { id date { iso } reportedOn { iso precision } } } }');
    expect(incident.statements).toEqual([{ id: 'skt-breach-2025-ko-explains-penalty', date: null, reportedOn: { iso: '2025-08-30', precision: 'DAY' } }]);
  });
});

describe('best values explained', () => {
  it('SK Telecom: the exact figure in LTE and 5G users, the other units not compared with it', async () => {
    const { incident } = await data(`{ incident(id: "skt-breach-2025") {
      accountsAffected { id value unit }
      accountsAffectedBasis { rule explanation compared notComparedUnits }
      estimates { id isBest }
    } }`);
    expect(incident.accountsAffected).toEqual({ id: 'skt-breach-2025-affected-23244649', value: 23244649, unit: 'LTE and 5G users' });
    expect(incident.accountsAffectedBasis).toMatchObject({ rule: 'ONLY_IN_ITS_UNIT', compared: 0, notComparedUnits: ['LTE and 5G subscribers', 'users'] });
    expect(incident.accountsAffectedBasis.explanation).toContain('not compared');
    expect(incident.estimates.filter((e: any) => e.isBest).map((e: any) => e.id)).toEqual(['skt-breach-2025-affected-23244649']);
  });

  it('Coupang: the latest as-of date of two estimates in accounts; the SK Telecom fine: the most precise of three reports', async () => {
    const { incident, fine, equifax } = await data(`{
      incident(id: "coupang-breach-2025") { accountsAffectedBasis { rule compared notComparedUnits } }
      fine(id: "skt-pipc-fine-2025") { amount { amount } amountBasis { rule compared notComparedUnits } reports { id isBest } }
      equifax: fine(id: "equifax-cfpb-civil-penalty-2019") { amountBasis { rule compared } }
    }`);
    expect(incident.accountsAffectedBasis).toEqual({ rule: 'LATEST_AS_OF', compared: 1, notComparedUnits: [] });
    expect(fine.amountBasis).toEqual({ rule: 'MOST_PRECISE_AMOUNT', compared: 2, notComparedUnits: [] });
    expect(fine.reports.filter((r: any) => r.isBest).map((r: any) => r.id)).toEqual(['skt-pipc-fine-2025-report-menafn']);
    expect(equifax.amountBasis).toEqual({ rule: 'AGREEING_REPORTS', compared: 1 });
  });
});

describe('largest by metric, and fines across currencies', () => {
  it('Marriott\'s 339 million records lead the largest by records; incidents sort by records exposed', async () => {
    const { stats, incidents } = await data(`{
      stats { byRecords: largestIncidents(metric: RECORDS_EXPOSED, first: 3) { id recordsExposed { value unit } }
              byAccounts: largestIncidents(first: 1) { id } }
      incidents(orderBy: [{ field: RECORDS_EXPOSED, direction: DESC }], first: 1) { edges { node { id } } }
    }`);
    expect(stats.byRecords[0]).toEqual({ id: 'marriott-starwood-breach', recordsExposed: { value: 339000000, unit: 'guest records' } });
    expect(stats.byRecords.map((i: any) => i.id)).toEqual(['marriott-starwood-breach', 'lg-uplus-breach-2023', 'coupang-breach-2025']);
    expect(stats.byAccounts).toEqual([{ id: 'equifax-breach-2017' }]);
    expect(incidents.edges[0].node.id).toBe('marriott-starwood-breach');
  });

  it('the largest by people counts only estimates in people (consumers, customers, individuals), never accounts or users', async () => {
    const { stats, lg, coupang, kakao } = await data(`{
      stats { byPeople: largestIncidents(metric: PEOPLE_AFFECTED, first: 100) { id peopleAffected { value unit } } }
      lg: incident(id: "lg-uplus-breach-2023") { peopleAffected { id } peopleAffectedBasis { rule } estimates { id isBest } }
      coupang: incident(id: "coupang-breach-2025") { accountsAffected { unit } peopleAffected { id } peopleAffectedBasis { rule } }
      kakao: incident(id: "kakao-open-chat-leak") { recordsExposed { id } recordsExposedBasis { rule } }
    }`);
    expect(stats.byPeople).toEqual([
      { id: 'equifax-breach-2017', peopleAffected: { value: 147000000, unit: 'consumers' } },
      { id: 'british-airways-breach-2018', peopleAffected: { value: 400000, unit: 'customers and staff' } },
      { id: 'lg-uplus-breach-2023', peopleAffected: { value: 297117, unit: 'individuals' } },
    ]);
    expect(lg.peopleAffected).toEqual({ id: 'lg-uplus-breach-2023-affected' });
    expect(lg.peopleAffectedBasis).toEqual({ rule: 'ONLY_REPORT' });
    expect(lg.estimates.filter((e: any) => e.isBest).map((e: any) => e.id).sort()).toEqual(['lg-uplus-breach-2023-affected', 'lg-uplus-breach-2023-records']);
    // Coupang is counted in accounts and users only: no count of people.
    expect(coupang).toEqual({ accountsAffected: { unit: 'accounts' }, peopleAffected: null, peopleAffectedBasis: null });
    // No estimate, no basis: nothing was chosen.
    expect(kakao).toEqual({ recordsExposed: null, recordsExposedBasis: null });
  });

  it('fines compare across currencies through the USD amounts the sources give; amounts stay exact', async () => {
    const { fines, skt } = await data(`{
      fines(orderBy: [{ field: AMOUNT_IN_USD, direction: DESC }], first: 4) { edges { node { id amount { amount currency } amountInUSD { money { amount currency } basis } } } }
      skt: fine(id: "skt-pipc-fine-2025") { amount { amount currency } amountInUSD { money { amount } basis report { id } } }
    }`);
    expect(fines.edges.map((e: any) => e.node.id)).toEqual(['equifax-cfpb-civil-penalty-2019', 'skt-pipc-fine-2025', 'kakao-pipc-penalty-2024', 'lg-uplus-pipc-penalty-2023']);
    expect(fines.edges[0].node.amountInUSD).toEqual({ money: { amount: '100000000', currency: 'USD' }, basis: 'SAME_CURRENCY' });
    expect(skt).toEqual({ amount: { amount: '134790000000', currency: 'KRW' },
      amountInUSD: { money: { amount: '97000000' }, basis: 'QUOTED', report: { id: 'skt-pipc-fine-2025-report-menafn' } } });
    const { golfzon } = await data('{ golfzon: fine(id: "golfzon-pipc-penalty") { amountInUSD { basis } } }');
    expect(golfzon.amountInUSD).toBeNull();
  });
});

describe('statements and events as lists', () => {
  it('who said what, when: statements by person, by organization, by date range', async () => {
    const { bae, pipc, recent } = await data(`{
      bae: statements(filter: { person: "bae-kyung-hoon" }) { totalCount edges { node { id kind } } }
      pipc: statements(filter: { organization: "pipc" }) { edges { node { id speaker { name } } } }
      recent: statements(filter: { between: { from: "2025" } }, orderBy: [{ field: DATE, direction: DESC }]) { edges { node { id reportedOn { iso } } } }
    }`);
    expect(bae.totalCount).toBe(2);
    expect(bae.edges.map((e: any) => e.node.id).sort()).toEqual(['coupang-breach-2025-bae-authentication-loophole', 'coupang-breach-2025-bae-examining-rules']);
    expect(pipc.edges).toEqual([{ node: { id: 'skt-breach-2025-ko-explains-penalty', speaker: { name: 'Ko Hak-soo' } } }]);
    expect(recent.edges.map((e: any) => e.node.id)).toEqual(['coupang-breach-2025-bae-examining-rules', 'skt-breach-2025-ko-explains-penalty']);
  });

  it('a person, organization or incident in the filter that names nothing is BAD_USER_INPUT, with the closest id', async () => {
    const r = await gql('{ statements(filter: { person: "bae-kyung-hon" }) { totalCount } }');
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT',
      unknown: [{ argument: 'filter.person', value: 'bae-kyung-hon', suggestion: 'bae-kyung-hoon' }] });
    const e = await gql('{ events(filter: { incident: "coupang-breach-2052" }) { totalCount } }');
    expect(e.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', unknown: [{ argument: 'filter.incident', value: 'coupang-breach-2052' }] });
  });

  it('events by attendee, incident, kind and date, paged', async () => {
    const { yoo, coupang, notices } = await data(`{
      yoo: events(filter: { person: "yoo-jae-sung" }) { edges { node { id } } }
      coupang: events(filter: { incident: "coupang-breach-2025" }, orderBy: [{ field: DATE }], first: 2) { totalCount pageInfo { hasNextPage } edges { node { id } } }
      notices: events(filter: { kind: NOTICE_OF_INTENT, between: { from: "2019-07", to: "2019-07" } }) { edges { node { id } } }
    }`);
    expect(yoo.edges).toEqual([{ node: { id: 'coupang-breach-2025-emergency-meeting' } }]);
    expect(coupang.totalCount).toBe(7);
    expect(coupang.pageInfo.hasNextPage).toBe(true);
    expect(notices.edges.map((e: any) => e.node.id)).toEqual(['british-airways-breach-2018-notice-of-intent', 'marriott-starwood-breach-notice-of-intent']);
  });
});
