import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanUp, cypher, db, fixtures, inProcess, RUN, testUrl } from './fixtures.js';
import { curatorServer, bearer, post, type CuratorServer } from './http-support.js';
import { testDriver } from '../support/api.js';

// The investigation domain's mutations (src/modules/investigation/mutations.ts): fines, their
// reports, investigations. Every fact goes on this file's own authority, company and incident
// (ids starting with RUN, removed by cleanUp), never on seeded ones other files count.

const CURATOR = { subject: `${RUN}-ines`, role: 'curator', tokenId: `${RUN}-token-inv` };

let api: Awaited<ReturnType<typeof inProcess>>;
let incident: string;
let otherIncident: string;
let publisher: string;
let source: string;
let source2: string;
const authority = `${RUN}-inv-authority`;
const authority2 = `${RUN}-inv-authority-two`;
const company = `${RUN}-inv-company`;

beforeAll(async () => {
  api = await inProcess();
  ({ incident, publisher } = await fixtures('investigation'));
  ({ incident: otherIncident } = await fixtures('investigation-other'));
  const driver = testDriver();
  try {
    await driver.executeQuery(`
      CREATE (:Authority:Entity {id: $authority, name: $authority, aliases: [], kind: 'REGULATOR'})
      CREATE (:Authority:Entity {id: $authority2, name: $authority2, aliases: [], kind: 'REGULATOR'})
      CREATE (:Company:Entity {id: $company, name: $company, aliases: []})`,
    { authority, authority2, company }, { database: db() });
  } finally {
    await driver.close();
  }
  source = await addSource('inv-source');
  source2 = await addSource('inv-source-2');
});

afterAll(async () => {
  await cleanUp();
  await api.close();
});

async function addSource(name: string): Promise<string> {
  const r = await api.run('mutation($input: AddSourceInput!) { addSource(input: $input) { source { id } } }',
    { input: { url: testUrl(name), title: `Report ${name}`, publisher, publishedOn: '2026-12' } }, CURATOR);
  expect(r.errors).toBeUndefined();
  return r.data.addSource.source.id;
}

const FINE = `id kind reason amount { amount currency } amountBasis { rule compared notComparedUnits } date { iso asReported }
  authority { id } company { id } incident { id } investigation { id } amountInUSD { money { amount currency } basis report { id } }
  reports { id isBest amount { amount currency } conversions { amount currency } date { iso asReported } sources { source { id } } }
  sources { source { id } attribution about }`;
const CHANGE = 'change { id operation actor { subject role } entities created sources { id } properties { entity property before after } }';
const ADD_FINE = `mutation($input: AddFineInput!) { addFine(input: $input) { fine { ${FINE} } ${CHANGE} } }`;
const ADD_REPORT = `mutation($input: AddFineReportInput!) { addFineReport(input: $input) {
  report { id isBest amount { amount currency } date { iso } fine { id } } fine { ${FINE} } ${CHANGE} } }`;
const INVESTIGATION = 'id title kind status outcome question version openedOn { iso asReported } closedOn { iso asReported } incident { id } authorities { id } fines { id } sources { source { id } }';
const OPEN = `mutation($input: OpenInvestigationInput!) { openInvestigation(input: $input) { investigation { ${INVESTIGATION} } ${CHANGE} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateInvestigationInput!) { updateInvestigation(id: $id, expectedVersion: $v, input: $input) {
  investigation { ${INVESTIGATION} } ${CHANGE} } }`;
const CLOSE = `mutation($id: ID!, $v: Int!, $input: CloseInvestigationInput!) { closeInvestigation(id: $id, expectedVersion: $v, input: $input) {
  investigation { ${INVESTIGATION} } ${CHANGE} } }`;

const fineInput = (extra: Record<string, unknown> = {}, report: Record<string, unknown> = {}) => ({
  authority, company, incident, kind: 'ADMINISTRATIVE_PENALTY', reason: 'Violating cybersecurity obligations',
  report: { amount: '134000000000', currency: 'KRW', date: '2025-08', dateAsReported: 'in August', ...report },
  sources: [{ id: source, attribution: 'according to the test' }], ...extra,
});

/** What a refused write must leave as it was: every Change, this file's fines, reports and investigations. */
async function written() {
  const [row] = await cypher<{ changes: number; fines: number; reports: number; investigations: number }>(`
    CALL () { MATCH (c:Change) RETURN count(c) AS changes }
    CALL () { MATCH (f:Fine) WHERE f.id STARTS WITH $run RETURN count(f) AS fines }
    CALL () { MATCH (r:FineReport) WHERE r.id STARTS WITH $run RETURN count(r) AS reports }
    CALL () { MATCH (i:Investigation) WHERE i.id STARTS WITH $run RETURN count(i) AS investigations }
    RETURN changes, fines, reports, investigations`, { run: RUN });
  return row!;
}

function refused(r: { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }, message: string | RegExp) {
  expect(r.errors?.[0]?.extensions?.code, r.errors?.[0]?.message).toBe('BAD_USER_INPUT');
  if (typeof message === 'string') expect(r.errors![0]!.message).toContain(message);
  else expect(r.errors![0]!.message).toMatch(message);
}

describe('openInvestigation, updateInvestigation, closeInvestigation (in process)', () => {
  it('opens a joint investigation, updates it, closes it; each reads back, versions count, stale writes are CONFLICT, history lists all three', async () => {
    const opened = await api.run(OPEN, { input: {
      incident, authorities: [authority, authority2], title: '  Joint test investigation  ', kind: 'JOINT_PUBLIC_PRIVATE',
      openedOn: '2025-11-19', openedOnAsReported: 'since 19 November', question: 'Whether the test holds', sources: [{ id: source }],
    } }, CURATOR);
    expect(opened.errors).toBeUndefined();
    const inv = opened.data.openInvestigation.investigation;
    expect(inv.id.startsWith(`${incident}-`)).toBe(true);
    expect(inv).toMatchObject({
      title: 'Joint test investigation', kind: 'JOINT_PUBLIC_PRIVATE', status: null, outcome: null, question: 'Whether the test holds', version: 0,
      openedOn: { iso: '2025-11-19', asReported: 'since 19 November' }, closedOn: null, incident: { id: incident }, fines: [],
      sources: [{ source: { id: source } }],
    });
    expect(inv.authorities.map((a: any) => a.id).sort()).toEqual([authority, authority2].sort());
    expect(opened.data.openInvestigation.change).toMatchObject({ operation: 'OPEN_INVESTIGATION', actor: { subject: CURATOR.subject }, created: [inv.id], sources: [{ id: source }] });
    expect(opened.data.openInvestigation.change.entities).toEqual([authority, authority2, incident, inv.id].sort());
    // Through the read API: the authority's investigations and the list filter.
    const read = await api.run(`query($a: ID!) { authority(id: $a) { investigations { id } } investigations(filter: {authority: $a}) { totalCount edges { node { id } } } }`, { a: authority2 });
    expect(read.errors).toBeUndefined();
    expect(read.data.authority.investigations).toEqual([{ id: inv.id }]);
    expect(read.data.investigations).toEqual({ totalCount: 1, edges: [{ node: { id: inv.id } }] });

    const updated = await api.run(UPDATE, { id: inv.id, v: 0, input: { status: 'OPEN', question: 'Whether the test still holds', sources: [{ id: source2 }] } }, CURATOR);
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateInvestigation.investigation).toMatchObject({ status: 'OPEN', question: 'Whether the test still holds', version: 1 });
    expect(updated.data.updateInvestigation.change.properties).toEqual([
      { entity: inv.id, property: 'question', before: JSON.stringify('Whether the test holds'), after: JSON.stringify('Whether the test still holds') },
      { entity: inv.id, property: 'status', before: null, after: JSON.stringify('OPEN') },
      { entity: inv.id, property: 'version', before: '0', after: '1' },
    ]);
    const staleUpdate = await api.run(UPDATE, { id: inv.id, v: 0, input: { title: 'Lost', sources: [{ id: source }] } }, CURATOR);
    expect(staleUpdate.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1, expectedVersion: 0 });

    const before = await written();
    // Refused, nothing written: OPEN is no closing status; a closing date before the opening date; no source; a stale version.
    refused(await api.run(CLOSE, { id: inv.id, v: 1, input: { status: 'OPEN', sources: [{ id: source }] } }, CURATOR), 'closing status');
    refused(await api.run(CLOSE, { id: inv.id, v: 1, input: { status: 'CONCLUDED', closedOn: '2025-10', sources: [{ id: source }] } }, CURATOR), 'before it opened');
    refused(await api.run(CLOSE, { id: inv.id, v: 1, input: { status: 'CONCLUDED', sources: [] } }, CURATOR), 'at least one source');
    refused(await api.run(CLOSE, { id: inv.id, v: 1, input: { status: 'CONCLUDED', closedOnAsReported: 'later', sources: [{ id: source }] } }, CURATOR), 'give input.closedOn too');
    const staleClose = await api.run(CLOSE, { id: inv.id, v: 0, input: { status: 'CONCLUDED', sources: [{ id: source }] } }, CURATOR);
    expect(staleClose.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1, expectedVersion: 0 });
    const notAnInvestigation = await api.run(CLOSE, { id: incident, v: 0, input: { status: 'CONCLUDED', sources: [{ id: source }] } }, CURATOR);
    refused(notAnInvestigation, `id: no entity has the id "${incident}"`);
    expect(await written()).toEqual(before);

    const closed = await api.run(CLOSE, { id: inv.id, v: 1, input: {
      status: 'CONCLUDED', outcome: 'A test penalty', closedOn: '2025-11', closedOnAsReported: 'in November', sources: [{ id: source2, about: ['outcome'] }],
    } }, CURATOR);
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeInvestigation.investigation).toMatchObject({
      status: 'CONCLUDED', outcome: 'A test penalty', closedOn: { iso: '2025-11', asReported: 'in November' }, version: 2,
    });
    expect(closed.data.closeInvestigation.change.operation).toBe('CLOSE_INVESTIGATION');
    const again = await api.run(`query($id: ID!) { investigation(id: $id) { ${INVESTIGATION} } investigations(filter: {authority: "${authority}", status: CONCLUDED}) { totalCount } }`, { id: inv.id });
    expect(again.errors).toBeUndefined();
    expect(again.data.investigation).toMatchObject({ status: 'CONCLUDED', version: 2, closedOn: { iso: '2025-11' }, title: 'Joint test investigation' });
    expect(again.data.investigation.sources.map((s: any) => s.source.id).sort()).toEqual([source, source2].sort());
    expect(again.data.investigations.totalCount).toBe(1);

    const history = await api.run('query($id: ID!) { history(id: $id) { edges { node { id operation } } } }', { id: inv.id });
    expect(history.data.history.edges.map((e: any) => e.node.operation)).toEqual(['CLOSE_INVESTIGATION', 'UPDATE_INVESTIGATION', 'OPEN_INVESTIGATION']);
  });

  it('refuses an unknown incident or authority (naming the argument), an authority twice, none, no source and an empty title, writing nothing', async () => {
    const base = { incident, authorities: [authority], title: 'Refused', kind: 'REGULATORY', sources: [{ id: source }] };
    const before = await written();
    refused(await api.run(OPEN, { input: { ...base, incident: `${RUN}-no-incident` } }, CURATOR), `input.incident: no incident has the id "${RUN}-no-incident"`);
    const unknownAuthority = await api.run(OPEN, { input: { ...base, authorities: [authority, `${RUN}-inv-authoritee`] } }, CURATOR);
    refused(unknownAuthority, `input.authorities: no authority has the id "${RUN}-inv-authoritee"`);
    expect(unknownAuthority.errors![0]!.extensions!.unknown).toEqual([expect.objectContaining({ argument: 'input.authorities', value: `${RUN}-inv-authoritee` })]);
    refused(await api.run(OPEN, { input: { ...base, authorities: [authority, authority] } }, CURATOR), 'each authority once');
    refused(await api.run(OPEN, { input: { ...base, authorities: [] } }, CURATOR), 'at least one authority');
    refused(await api.run(OPEN, { input: { ...base, sources: [] } }, CURATOR), 'at least one source');
    refused(await api.run(OPEN, { input: { ...base, title: '   ' } }, CURATOR), 'input.title must not be empty');
    refused(await api.run(OPEN, { input: { ...base, openedOnAsReported: 'once' } }, CURATOR), 'give input.openedOn too');
    refused(await api.run(UPDATE, { id: `${RUN}-nothing`, v: 0, input: { title: 'x', sources: [{ id: source }] } }, CURATOR), `no entity has the id "${RUN}-nothing"`);
    refused(await api.run(UPDATE, { id: `${RUN}-nothing`, v: 0, input: { sources: [{ id: source }] } }, CURATOR), 'give at least one of');
    expect(await written()).toEqual(before);
  });
});

describe('addFine and addFineReport (in process)', () => {
  it('adds a fine with its first report as the seeds draw it; it reads back through the API and history(id: fine) lists the change', async () => {
    const r = await api.run(ADD_FINE, { input: fineInput({}, { conversions: [{ amount: '140000000', currency: 'AUD' }, { amount: '96900000', currency: 'USD' }] }) }, CURATOR);
    expect(r.errors).toBeUndefined();
    const { fine, change } = r.data.addFine;
    expect(fine.id.startsWith(`${company}-`)).toBe(true);
    expect(fine).toMatchObject({
      kind: 'ADMINISTRATIVE_PENALTY', reason: 'Violating cybersecurity obligations',
      amount: { amount: '134000000000', currency: 'KRW' }, amountBasis: { rule: 'ONLY_REPORT', compared: 0, notComparedUnits: [] },
      date: { iso: '2025-08', asReported: 'in August' }, authority: { id: authority }, company: { id: company }, incident: { id: incident }, investigation: null,
      amountInUSD: { money: { amount: '96900000', currency: 'USD' }, basis: 'QUOTED' },
      sources: [{ source: { id: source }, attribution: 'according to the test', about: [] }],
    });
    expect(fine.reports).toHaveLength(1);
    const report = fine.reports[0];
    expect(report).toMatchObject({
      isBest: true, amount: { amount: '134000000000', currency: 'KRW' }, date: { iso: '2025-08', asReported: 'in August' },
      conversions: [{ amount: '140000000', currency: 'AUD' }, { amount: '96900000', currency: 'USD' }], sources: [{ source: { id: source } }],
    });
    expect(fine.amountInUSD.report).toEqual({ id: report.id });
    expect(change).toMatchObject({ operation: 'ADD_FINE', actor: { subject: CURATOR.subject, role: 'curator' }, sources: [{ id: source }] });
    expect(change.created).toEqual([fine.id, report.id]);
    expect(change.entities).toEqual([authority, company, fine.id, incident, report.id].sort());
    expect(change.properties).toContainEqual({ entity: report.id, property: 'amount', before: null, after: '"134000000000"' });

    // As stored: the seeds' properties, the report's conversions as parallel lists.
    const [stored] = await cypher<{ r: Record<string, unknown>; links: string[] }>(`
      MATCH (a:Authority {id: $a})-[:IMPOSED]->(f:Fine {id: $f})-[:AGAINST]->(:Company {id: $c}), (f)-[:FOR_INCIDENT]->(:Incident {id: $i}),
            (f)-[:REPORTED_AS]->(r:FineReport {id: $r})
      RETURN r {.amount, .currency, .conversionAmounts, .conversionCurrencies, .date, .dateAsReported} AS r,
             [(n)-[:SOURCED_FROM]->(s:Source) WHERE n.id IN [$f, $r] | n.id + '>' + s.id] AS links`,
    { a: authority, f: fine.id, c: company, i: incident, r: report.id });
    expect(stored!.links.sort()).toEqual([`${fine.id}>${source}`, `${report.id}>${source}`].sort());
    expect(stored!.r).toEqual({ amount: '134000000000', currency: 'KRW', conversionAmounts: ['140000000', '96900000'], conversionCurrencies: ['AUD', 'USD'], date: '2025-08', dateAsReported: 'in August' });

    const read = await api.run(`query($f: ID!, $a: ID!, $c: ID!) {
      fine(id: $f) { id amount { amount currency display } }
      fines(filter: {authority: $a}) { totalCount }
      company(id: $c) { finesReceived { id } } }`, { f: fine.id, a: authority, c: company });
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ fine: { id: fine.id, amount: { amount: '134000000000', currency: 'KRW', display: 'KRW 134,000,000,000' } }, fines: { totalCount: 1 }, company: { finesReceived: [{ id: fine.id }] } });
    const history = await api.run('query($id: ID!) { history(id: $id) { edges { node { id operation sources { id } } } } }', { id: fine.id });
    expect(history.data.history.edges).toEqual([{ node: { id: change.id, operation: 'ADD_FINE', sources: [{ id: source }] } }]);
  });

  it('a second report is a report of its own: the fine\'s amount and basis are chosen again, and the authority\'s newest fine follows a new date', async () => {
    const first = await api.run(ADD_FINE, { input: fineInput({ kind: 'ADMINISTRATIVE_FINE' }, { amount: '134000000000', date: '2024-03', dateAsReported: null }) }, CURATOR);
    expect(first.errors).toBeUndefined();
    const fine = first.data.addFine.fine;
    const newest = async () => (await api.run('query($a: ID!) { authority(id: $a) { finesImposed(orderBy: NEWEST_FIRST, first: 1) { id date { iso } } } }', { a: authority })).data.authority.finesImposed[0];
    // A later fine is the newest...
    const later = await api.run(ADD_FINE, { input: fineInput({ kind: 'SETTLEMENT' }, { amount: '5', currency: 'USD', date: '2026-11-30', dateAsReported: null }) }, CURATOR);
    expect(later.errors).toBeUndefined();
    expect(await newest()).toEqual({ id: later.data.addFine.fine.id, date: { iso: '2026-11-30' } });

    // ...until a more precise report, by another source, dates the first fine later.
    const r = await api.run(ADD_REPORT, { input: { fine: fine.id, amount: '134790000000', currency: 'KRW', date: '2026-12-01', dateAsReported: 'Tuesday',
      conversions: [{ amount: '97000000', currency: 'USD' }], sources: [{ id: source2 }] } }, CURATOR);
    expect(r.errors).toBeUndefined();
    const p = r.data.addFineReport;
    expect(p.report).toMatchObject({ isBest: true, amount: { amount: '134790000000', currency: 'KRW' }, date: { iso: '2026-12-01' }, fine: { id: fine.id } });
    expect(p.fine).toMatchObject({
      id: fine.id, amount: { amount: '134790000000', currency: 'KRW' }, amountBasis: { rule: 'MOST_PRECISE_AMOUNT', compared: 1 },
      date: { iso: '2026-12-01', asReported: 'Tuesday' }, amountInUSD: { money: { amount: '97000000', currency: 'USD' }, basis: 'QUOTED', report: { id: p.report.id } },
    });
    // The first report is kept as it was, no longer the best.
    expect(p.fine.reports).toContainEqual(expect.objectContaining({ id: fine.reports[0].id, isBest: false, amount: { amount: '134000000000', currency: 'KRW' } }));
    expect(p.fine.reports).toHaveLength(2);
    expect(p.fine.sources.map((s: any) => s.source.id).sort()).toEqual([source, source2].sort());
    expect(p.change).toMatchObject({ operation: 'ADD_FINE_REPORT', created: [p.report.id], sources: [{ id: source2 }] });
    expect(p.change.entities).toEqual([fine.id, p.report.id].sort());
    expect(await newest()).toEqual({ id: fine.id, date: { iso: '2026-12-01' } });

    // A less precise report later on changes nothing of the amount (the most precise wins).
    const rounded = await api.run(ADD_REPORT, { input: { fine: fine.id, amount: '135000000000', currency: 'KRW', sources: [{ id: source }] } }, CURATOR);
    expect(rounded.errors).toBeUndefined();
    expect(rounded.data.addFineReport.report.isBest).toBe(false);
    expect(rounded.data.addFineReport.fine).toMatchObject({ amount: { amount: '134790000000' }, amountBasis: { rule: 'MOST_PRECISE_AMOUNT', compared: 2 } });

    const history = await api.run('query($id: ID!) { history(id: $id) { edges { node { operation } } } }', { id: fine.id });
    expect(history.data.history.edges.map((e: any) => e.node.operation)).toEqual(['ADD_FINE_REPORT', 'ADD_FINE_REPORT', 'ADD_FINE']);
  });

  it('a fine from an investigation: RESULTED_IN, and the investigation\'s incident when none is given; another incident is refused', async () => {
    const o = await api.run(OPEN, { input: { incident: otherIncident, authorities: [authority], title: 'Fine test investigation', kind: 'REGULATORY', sources: [{ id: source }] } }, CURATOR);
    expect(o.errors).toBeUndefined();
    const inv = o.data.openInvestigation.investigation.id;
    const before = await written();
    refused(await api.run(ADD_FINE, { input: fineInput({ investigation: inv }) }, CURATOR), `is into "${otherIncident}", not "${incident}"`);
    expect(await written()).toEqual(before);
    const r = await api.run(ADD_FINE, { input: fineInput({ investigation: inv, incident: null }) }, CURATOR);
    expect(r.errors).toBeUndefined();
    expect(r.data.addFine.fine).toMatchObject({ investigation: { id: inv }, incident: { id: otherIncident } });
    const read = await api.run('query($id: ID!) { investigation(id: $id) { fines { id } } }', { id: inv });
    expect(read.data.investigation.fines).toEqual([{ id: r.data.addFine.fine.id }]);
  });

  it('refuses no source, unknown ids (naming the argument), negative, malformed or too precise amounts and bad currencies, writing nothing', async () => {
    const [fine] = await cypher<{ id: string }>('MATCH (:Company {id: $c})<-[:AGAINST]-(f:Fine) RETURN f.id AS id LIMIT 1', { c: company });
    const before = await written();
    refused(await api.run(ADD_FINE, { input: fineInput({ sources: [] }) }, CURATOR), 'at least one source');
    refused(await api.run(ADD_FINE, { input: fineInput({ authority: `${RUN}-no-authority` }) }, CURATOR), `input.authority: no authority has the id "${RUN}-no-authority"`);
    refused(await api.run(ADD_FINE, { input: fineInput({ authority: company }) }, CURATOR), `input.authority: no authority has the id "${company}"`);
    refused(await api.run(ADD_FINE, { input: fineInput({ company: `${RUN}-no-company` }) }, CURATOR), `input.company: no company has the id "${RUN}-no-company"`);
    refused(await api.run(ADD_FINE, { input: fineInput({ incident: `${RUN}-no-incident` }) }, CURATOR), `input.incident: no incident has the id "${RUN}-no-incident"`);
    refused(await api.run(ADD_FINE, { input: fineInput({ investigation: `${RUN}-no-investigation` }) }, CURATOR), `input.investigation: no entity has the id "${RUN}-no-investigation"`);
    refused(await api.run(ADD_FINE, { input: fineInput({ sources: [{ id: `${RUN}-no-source` }] }) }, CURATOR), `input.sources.id: no source has the id "${RUN}-no-source"`);
    refused(await api.run(ADD_FINE, { input: fineInput({}, { amount: '-5' }) }, CURATOR), 'input.report.amount must not be negative');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { amount: '0134' }) }, CURATOR), 'input.report.amount: "0134" is not an amount');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { amount: '1.1234567' }) }, CURATOR), 'input.report.amount');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { amount: '1'.repeat(25) }) }, CURATOR), 'input.report.amount');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { currency: 'krw' }) }, CURATOR), 'Write it in upper case: "KRW"');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { currency: 'WON' }) }, CURATOR), 'input.report.currency: "WON" is not an ISO 4217 currency code');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { currency: 'KRWX' }) }, CURATOR), 'is not an ISO 4217 currency code');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { conversions: [{ amount: '1', currency: 'KRW' }] }) }, CURATOR), 'the amount\'s own currency');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { conversions: [{ amount: '1', currency: 'USD' }, { amount: '2', currency: 'USD' }] }) }, CURATOR), 'each currency once');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { conversions: [{ amount: '-1', currency: 'USD' }] }) }, CURATOR), 'input.report.conversions.amount must not be negative');
    refused(await api.run(ADD_FINE, { input: fineInput({}, { date: null }) }, CURATOR), 'give input.report.date too');
    refused(await api.run(ADD_FINE, { input: fineInput({ reason: 'x'.repeat(2001) }) }, CURATOR), 'input.reason is too long');
    // Not a Decimal at all: refused by the scalar before the resolver runs (over HTTP: BAD_USER_INPUT, below).
    const malformed = await api.run(ADD_FINE, { input: fineInput({}, { amount: '1e5' }) }, CURATOR);
    expect(malformed.errors?.[0]?.message).toContain('is not a Decimal');
    refused(await api.run(ADD_REPORT, { input: { fine: `${RUN}-no-fine`, amount: '1', currency: 'KRW', sources: [{ id: source }] } }, CURATOR), `input.fine: no entity has the id "${RUN}-no-fine"`);
    refused(await api.run(ADD_REPORT, { input: { fine: fine!.id, amount: '-1', currency: 'KRW', sources: [{ id: source }] } }, CURATOR), 'input.amount must not be negative');
    refused(await api.run(ADD_REPORT, { input: { fine: fine!.id, amount: '1', currency: 'EURO', sources: [{ id: source }] } }, CURATOR), 'input.currency');
    refused(await api.run(ADD_REPORT, { input: { fine: fine!.id, amount: '1', currency: 'KRW', sources: [] } }, CURATOR), 'at least one source');
    expect(await written()).toEqual(before);
  });

  it('refuses a request without an actor (UNAUTHENTICATED) or with a reader (FORBIDDEN)', async () => {
    const before = await written();
    expect((await api.run(ADD_FINE, { input: fineInput() })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.run(ADD_FINE, { input: fineInput() }, { subject: 'r', role: 'reader' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await written()).toEqual(before);
  });
});

describe('over HTTP with a token', () => {
  let server: CuratorServer;
  beforeAll(async () => { server = await curatorServer(); });
  afterAll(async () => { await server?.close(); });

  it('a curator adds a fine; a malformed amount is BAD_USER_INPUT (400); anonymous is 401; nothing written by the refused ones', async () => {
    const auth = bearer(await server.token('curator', `${RUN}-http-curator`));
    const before = await written();
    const malformed = await post(server.url, ADD_FINE, { input: fineInput({}, { amount: '12,5' }) }, auth);
    expect(malformed.status).toBe(400);
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await post(server.url, ADD_FINE, { input: fineInput() });
    expect(anonymous.status).toBe(401);
    const badCurrency = await post(server.url, ADD_FINE, { input: fineInput({}, { currency: 'XYZ1' }) }, auth);
    expect(badCurrency.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await written()).toEqual(before);
    const ok = await post(server.url, ADD_FINE, { input: fineInput({}, { amount: '9.6', currency: 'EUR', date: '2026-12-07', dateAsReported: null }) }, { ...auth, 'x-request-id': `${RUN}-inv-req` });
    expect(ok.errors).toBeUndefined();
    const read = await post(server.url, 'query($id: ID!) { fine(id: $id) { amount { display } date { iso } } history(id: $id) { edges { node { operation requestId actor { subject } } } } }', { id: ok.data.addFine.fine.id });
    expect(read.data).toEqual({
      fine: { amount: { display: 'EUR 9.6' }, date: { iso: '2026-12-07' } },
      history: { edges: [{ node: { operation: 'ADD_FINE', requestId: `${RUN}-inv-req`, actor: { subject: `${RUN}-http-curator` } } }] },
    });
  });

  it('a retry with the same Idempotency-Key returns the first fine and its change, and writes nothing', async () => {
    const auth = { ...bearer(await server.token('curator', `${RUN}-http-retry`)), 'idempotency-key': `${RUN}-inv-key` };
    const input = fineInput({}, { amount: '1234', date: '2026-12-06', dateAsReported: null });
    const first = await post(server.url, ADD_FINE, { input }, auth);
    expect(first.errors).toBeUndefined();
    const before = await written();
    const again = await post(server.url, ADD_FINE, { input }, auth);
    expect(again.errors).toBeUndefined();
    expect(again.data.addFine.fine.id).toBe(first.data.addFine.fine.id);
    expect(again.data.addFine.change.id).toBe(first.data.addFine.change.id);
    expect(again.data.addFine.fine.amount).toEqual({ amount: '1234', currency: 'KRW' });
    expect(await written()).toEqual(before);
  });
});
