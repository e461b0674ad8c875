import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFile, seedFiles } from '../../src/seed/load.js';
import { data, testDriver } from '../support/api.js';
import { cleanUp, cypher, db, fixtures, inProcess, RUN, testUrl } from '../curation/fixtures.js';

// The dates the seeds' sources give (issue 27) and the rules built on them
// (seeds/99-derived-values.cypher): the year an incident counts in is the year it became known,
// with the year access began beside it; an undated fine or investigation is "known by" the date
// of its earliest dated source, never given that date as its own.

const DERIVE = seedFiles().find((f) => f.endsWith('99-derived-values.cypher'))!;
const sourceOf = (refs: { source: { id: string }; about: string[] }[], field: string) =>
  refs.filter((r) => r.about.includes(field)).map((r) => r.source.id).sort();

describe('dates the sources give, at their precision and in their words', () => {
  it('disclosure: SK Telecom in April 2025 (The Korea Herald), LG Uplus in January 2023 (the PIPC release)', async () => {
    const { skt, lg } = await data(`{
      skt: incident(id: "skt-breach-2025") { disclosedOn { iso precision asReported } reportedOn { iso } sources { source { id } about } }
      lg: incident(id: "lg-uplus-breach-2023") { disclosedOn { iso precision asReported } accessStart { iso } sources { source { id } about attributedTo { ... on Authority { id } } } }
    }`);
    expect(skt.disclosedOn).toEqual({ iso: '2025-04', precision: 'MONTH', asReported: 'In April, SK Telecom belatedly disclosed a major leak' });
    expect(sourceOf(skt.sources, 'disclosedOn')).toEqual(['koreaherald-2025-08-28']);
    expect(skt.reportedOn).toEqual({ iso: '2025-04-22' });
    expect(lg.disclosedOn).toEqual({ iso: '2023-01', precision: 'MONTH', asReported: 'It was reported in January 2023 that LG U+ had been hit by a hacking attack' });
    expect(lg.accessStart).toEqual({ iso: '2018-06' });
    expect(lg.sources.filter((r: any) => r.about.includes('disclosedOn')))
      .toEqual([{ source: { id: 'pipc-lguplus-2023-07-12' }, about: ['disclosedOn'], attributedTo: { id: 'pipc' } }]);
  });

  it('Equifax: a 2017 breach, discovered in July 2017 (four months after the alert of March 2017, per the FTC via NPR); no source dates its disclosure', async () => {
    const { equifax } = await data(`{ equifax: incident(id: "equifax-breach-2017") {
      accessStart { iso precision asReported } discoveredOn { iso precision asReported } disclosedOn { iso } reportedOn { iso }
      sources { source { id } about attribution } } }`);
    expect(equifax.accessStart).toEqual({ iso: '2017', precision: 'YEAR', asReported: 'a massive 2017 data breach' });
    expect(equifax.discoveredOn).toMatchObject({ iso: '2017-07', precision: 'MONTH' });
    expect(equifax.discoveredOn.asReported).toContain('four months after the alert of March 2017');
    expect(equifax.disclosedOn).toBeNull();
    expect(equifax.reportedOn).toBeNull();
    expect(sourceOf(equifax.sources, 'accessStart')).toEqual(['npr-2019-07-22']);
    expect(equifax.sources.find((r: any) => r.about.includes('discoveredOn')).attribution).toBe('The FTC says');
  });

  it('openings: LG Uplus since the January 2023 reports (PIPC release), Kakao in March 2023 (Yonhap and Meta-Connects); SK Telecom undated', async () => {
    const { lg, kakao, skt } = await data(`{
      lg: investigation(id: "lg-uplus-breach-2023-pipc-investigation") { openedOn { iso precision asReported } sources { source { id } about } }
      kakao: investigation(id: "kakao-open-chat-leak-pipc-investigation") { openedOn { iso precision } sources { source { id } about } }
      skt: investigation(id: "skt-breach-2025-pipc-investigation") { openedOn { iso } }
    }`);
    expect(lg.openedOn).toEqual({ iso: '2023-01', precision: 'MONTH', asReported: 'conducted since the hacking attack was reported in January 2023' });
    expect(sourceOf(lg.sources, 'openedOn')).toEqual(['pipc-lguplus-2023-07-12']);
    expect(kakao.openedOn).toEqual({ iso: '2023-03', precision: 'MONTH' });
    expect(sourceOf(kakao.sources, 'openedOn')).toEqual(['metaconnects-2024-05-23']);
    expect(skt.openedOn).toBeNull();
  });

  it('the DataBreaches.net translation is dated by its own post (15 July 2023); the sources the seeds leave undated stay so', async () => {
    const rows = await cypher<{ id: string; on: string | null }>(`MATCH (s:Source) WHERE s.id IN ['pipc-lguplus-2023-07-12', 'azzet-coupang-2025', 'cambodiatribune-kakao-fine', 'phonearena-skt-fine', 'brodies-ba-marriott', 'tlt-ba-marriott', 'cfpb-equifax-settlement']
      RETURN s.id AS id, s.publishedOn AS on ORDER BY id`);
    expect(rows).toEqual([
      { id: 'azzet-coupang-2025', on: null }, { id: 'brodies-ba-marriott', on: null }, { id: 'cambodiatribune-kakao-fine', on: null },
      { id: 'cfpb-equifax-settlement', on: null }, { id: 'phonearena-skt-fine', on: null }, { id: 'pipc-lguplus-2023-07-12', on: '2023-07-15' },
      { id: 'tlt-ba-marriott', on: null },
    ]);
  });
});

describe('the year an incident counts in: the year it became known, the access year beside it', () => {
  it('each curated incident: year, basis and access year', async () => {
    const { incidents } = await data('{ incidents(first: 50) { edges { node { id year yearBasis accessYear } } } }');
    const byId = Object.fromEntries(incidents.edges.map((e: any) => [e.node.id, e.node]));
    expect(byId).toMatchObject({
      'coupang-breach-2025': { year: 2025, yearBasis: 'DISCLOSED', accessYear: 2025 },
      'skt-breach-2025': { year: 2025, yearBasis: 'DISCLOSED', accessYear: 2021 },
      'lg-uplus-breach-2023': { year: 2023, yearBasis: 'DISCLOSED', accessYear: 2018 },
      'kakao-open-chat-leak': { year: 2023, yearBasis: 'DISCLOSED', accessYear: null },
      'equifax-breach-2017': { year: 2017, yearBasis: 'DISCOVERED', accessYear: 2017 },
      'marriott-starwood-breach': { year: 2018, yearBasis: 'DISCOVERED', accessYear: 2014 },
      // No source dates when the British Airways breach became known, and its sources are undated.
      'british-airways-breach-2018': { year: 2018, yearBasis: 'ACCESS_STARTED', accessYear: 2018 },
    });
  });

  it('breaches disclosed in 2025 are Coupang’s and SK Telecom’s', async () => {
    const { incidents } = await data('{ incidents(filter: { disclosedBetween: { from: "2025", to: "2025" } }, first: 50) { edges { node { id } } } }');
    expect(incidents.edges.map((e: any) => e.node.id).sort()).toEqual(['coupang-breach-2025', 'skt-breach-2025']);
  });

  it('breaches per country and year: LG Uplus in 2023 (not 2018), Equifax in 2017; Marriott, with no country, is not counted', async () => {
    const { stats } = await data('{ stats { incidentsByCountryAndYear { country { id } year incidents } } }');
    const rows = stats.incidentsByCountryAndYear.filter((r: any) => ['KR', 'US', 'GB'].includes(r.country.id))
      .map((r: any) => `${r.country.id} ${r.year} ${r.incidents}`).sort();
    expect(rows).toEqual(['GB 2018 1', 'KR 2023 2', 'KR 2025 2', 'US 2017 1']);
    expect(stats.incidentsByCountryAndYear.every((r: any) => r.year !== null)).toBe(true);
  });
});

describe('known by: undated fines and investigations whose sources are dated', () => {
  it('the PIPC’s fines: dated ones by their decision, undated ones known by their earliest dated source', async () => {
    const { pipc } = await data(`{ pipc: authority(id: "pipc") { finesImposed { id date { iso } knownBy { date { iso precision } basis source { id } } } } }`);
    const byId = Object.fromEntries(pipc.finesImposed.map((f: any) => [f.id, f]));
    expect(byId['skt-pipc-fine-2025-late-notification']).toEqual({ id: 'skt-pipc-fine-2025-late-notification', date: null,
      knownBy: { date: { iso: '2025-08-30', precision: 'DAY' }, basis: 'SOURCE_PUBLISHED', source: { id: 'menafn-2025-08-30' } } });
    expect(byId['golfzon-pipc-penalty']).toEqual({ id: 'golfzon-pipc-penalty', date: null,
      knownBy: { date: { iso: '2024-11-12', precision: 'DAY' }, basis: 'SOURCE_PUBLISHED', source: { id: 'joongang-2024-11-12' } } });
    expect(byId['skt-pipc-fine-2025'].knownBy).toEqual({ date: { iso: '2025-08-28', precision: 'DAY' }, basis: 'DECIDED', source: null });
    expect(byId['google-pipc-penalty-2022'].knownBy).toEqual({ date: { iso: '2022', precision: 'YEAR' }, basis: 'DECIDED', source: null });
    // Every fine the PIPC imposed has a decision date or a dated source.
    expect(pipc.finesImposed.filter((f: any) => !f.knownBy)).toEqual([]);
  });

  it('"the PIPC’s last fines before 1 September 2025" holds the late-notification penalty only by its known-by date, and ranges keep the decision date', async () => {
    const { pipc } = await data(`{ pipc: authority(id: "pipc") {
      dated: finesImposed(orderBy: NEWEST_FIRST, between: { to: "2025-08-31" }) { id }
      all: finesImposed(orderBy: NEWEST_FIRST) { id date { iso } knownBy { date { iso } basis } } } }`);
    // The list's range is the decision date's: the undated penalty is not in it ...
    expect(pipc.dated.map((f: any) => f.id)).not.toContain('skt-pipc-fine-2025-late-notification');
    expect(pipc.dated[0].id).toBe('skt-pipc-fine-2025');
    // ... and knownBy says it was decided by 30 August 2025, so it is among the fines before 1 September 2025.
    // A partial date compares by its first day, as the lists do ("2022" is 2022-01-01).
    const firstDay = (iso: string) => { const d = iso.split('/')[0]!; return d + '-01-01'.slice(d.length - 4); };
    const before = pipc.all.filter((f: any) => f.knownBy && firstDay(f.knownBy.date.iso) < '2025-09-01').map((f: any) => f.id);
    expect(before).toEqual(expect.arrayContaining(['skt-pipc-fine-2025', 'skt-pipc-fine-2025-late-notification', 'kakao-pipc-penalty-2024']));
    // Golfzon's is known only by 12 November 2024: it is not among the fines known before 1 June 2024.
    expect(pipc.all.filter((f: any) => f.knownBy && firstDay(f.knownBy.date.iso) < '2024-06-01').map((f: any) => f.id).sort())
      .toEqual(['google-pipc-penalty-2022', 'kakao-pipc-fine-2024', 'kakao-pipc-penalty-2024', 'lg-uplus-pipc-fine-2023', 'lg-uplus-pipc-penalty-2023']);
  });

  it('the PIPC’s investigations: opened on the date a source gives, else known by the earliest dated source; none without a dated source', async () => {
    const { pipc } = await data('{ pipc: authority(id: "pipc") { investigations { id openedOn { iso } knownBy { date { iso } basis source { id } } } } }');
    const byId = Object.fromEntries(pipc.investigations.map((i: any) => [i.id, i.knownBy]));
    expect(byId).toEqual({
      'lg-uplus-breach-2023-pipc-investigation': { date: { iso: '2023-01' }, basis: 'OPENED', source: null },
      'kakao-open-chat-leak-pipc-investigation': { date: { iso: '2023-03' }, basis: 'OPENED', source: null },
      'skt-breach-2025-pipc-investigation': { date: { iso: '2025-08-28' }, basis: 'SOURCE_PUBLISHED', source: { id: 'koreaherald-2025-08-28' } },
      'coupang-breach-2025-joint-investigation': { date: { iso: '2025-12-01' }, basis: 'SOURCE_PUBLISHED', source: { id: 'donga-2025-12-01' } },
      // Its only source, the seed article, is undated.
      'coupang-breach-2025-pipc-investigation': null,
    });
  });
});

describe('a curated write derives the same dates as the seed file', () => {
  const CURATOR = { subject: `${RUN}-dates`, role: 'curator', tokenId: `${RUN}-token-dates` };
  const authority = `${RUN}-dates-authority`;
  const company = `${RUN}-dates-company`;
  let api: Awaited<ReturnType<typeof inProcess>>;
  let ids: string[] = [];

  const run = async (query: string, input: Record<string, unknown>) => {
    const r = await api.run(query, { input }, CURATOR);
    expect(r.errors).toBeUndefined();
    return r.data;
  };
  const derived = () => cypher(`MATCH (n:Entity) WHERE n.id IN $ids
    RETURN n.id AS id, n.year AS year, n.yearBasis AS yearBasis, n.yearSource AS yearSource, n.datedOn AS datedOn, n.accessYear AS accessYear,
           n.knownBy AS knownBy, n.knownByBasis AS knownByBasis, n.knownBySource AS knownBySource ORDER BY id`, { ids });

  beforeAll(async () => {
    // The first write plans cypher/write/refresh.cypher, a large text (the server plans it at
    // start-up, src/write/warm.ts; this in-process schema does not): seconds on a busy machine.
    process.env.QUERY_TIMEOUT_MS = '120000';
    api = await inProcess();
    const { publisher } = await fixtures('dates');
    const driver = testDriver();
    try {
      await driver.executeQuery(`CREATE (:Authority:Entity {id: $authority, name: $authority, aliases: [], kind: 'REGULATOR'})
        CREATE (:Company:Entity {id: $company, name: $company, aliases: []})`, { authority, company }, { database: db() });
    } finally {
      await driver.close();
    }
    const dated = (await run('mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }',
      { url: testUrl('dated'), title: 'Dated report', publisher, publishedOn: '2026-11-02' })).addSource.source.id;
    const later = (await run('mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }',
      { url: testUrl('later'), title: 'Later report', publisher, publishedOn: '2026-12' })).addSource.source.id;
    const create = 'mutation($input: CreateIncidentInput!) { createIncident(input: $input) { incident { id year yearBasis accessYear } } }';
    const reported = (await run(create, { title: `${RUN} reported`, kind: 'OTHER', accessStart: '2024-05', reportedOn: '2026-01-15', discoveredOn: '2026-01-10',
      sources: [{ id: dated }] })).createIncident.incident;
    const known = (await run(create, { title: `${RUN} known`, kind: 'OTHER', accessStart: '2024-05', sources: [{ id: later }, { id: dated }] })).createIncident.incident;
    expect(reported).toMatchObject({ year: 2026, yearBasis: 'REPORTED', accessYear: 2024 });
    expect(known).toMatchObject({ year: 2026, yearBasis: 'SOURCE_PUBLISHED', accessYear: 2024 });
    const fine = (await run(`mutation($input: AddFineInput!) { addFine(input: $input) { fine { id date { iso } knownBy { date { iso } basis source { id } } } } }`,
      { authority, company, incident: known.id, kind: 'ADMINISTRATIVE_PENALTY', report: { amount: '1000', currency: 'KRW' }, sources: [{ id: later }] })).addFine.fine;
    expect(fine).toMatchObject({ date: null, knownBy: { date: { iso: '2026-12' }, basis: 'SOURCE_PUBLISHED', source: { id: later } } });
    const inv = (await run(`mutation($input: OpenInvestigationInput!) { openInvestigation(input: $input) { investigation { id knownBy { date { iso } basis source { id } } } } }`,
      { incident: known.id, authorities: [authority], title: `${RUN} probe`, kind: 'REGULATORY', sources: [{ id: later }, { id: dated }] })).openInvestigation.investigation;
    expect(inv.knownBy).toEqual({ date: { iso: '2026-11-02' }, basis: 'SOURCE_PUBLISHED', source: { id: dated } });
    ids = [reported.id, known.id, fine.id, inv.id];
  });

  afterAll(async () => {
    await cleanUp();
    await api.close();
  });

  it('a full run of seeds/99-derived-values.cypher after the writes changes none of their dates', async () => {
    const before = await derived();
    expect(before.map((r: any) => [r.yearBasis ?? r.knownByBasis, r.datedOn ?? r.knownBy])).toEqual(
      expect.arrayContaining([['REPORTED', '2026-01-15'], ['SOURCE_PUBLISHED', '2026-11-02'], ['SOURCE_PUBLISHED', '2026-12']]));
    const driver = testDriver();
    try {
      await loadFile(driver, db(), DERIVE);
    } finally {
      await driver.close();
    }
    expect(await derived()).toEqual(before);
  });
});
